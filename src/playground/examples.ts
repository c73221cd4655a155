/**
 * The worked examples the playground opens on: one per research question the README lists. Each is run
 * against the seed data by the suite, so none can rot.
 */
export interface Example {
  /** The research question, as the README words it. */
  question: string;
  /** With its values inline: the bundled GraphiQL does not show a default tab's variables. */
  query: string;
}

export const EXAMPLES: Example[] = [
  {
    question: 'Which contracts has a public body outsourced, to whom, and when?',
    query: `# Which contracts has a public body outsourced,
# to whom, and when? Change the slug for another body:
# cambridgeshire-county-council, dft, moj …
query ContractsOfABody {
  publicBody(slug: "dwp") {
    name
    contracts(first: 20) {
      totalCount
      edges {
        node {
          title
          status
          startDate { iso wording }
          suppliers { role supplier { name } }
          services
          figures { measure low high unit wording }
        }
      }
    }
  }
}
`,
  },
  {
    question: 'How exposed is a supplier to offshoring: where to, how many jobs, and who says so?',
    query: `# How exposed is a supplier to offshoring: where to,
# how many jobs, and who says so? Ranges are
# { low high }: "hundreds of jobs" is 200–999, and
# high is null when open-ended ("at least").
query SupplierOffshoring {
  supplier(slug: "xansa") {
    name
    impact {
      contractCount
      contested
      jobsOffshored {
        atRisk { low high basedOn }
        alleged { low high }
        denied { low high }
      }
      offshoringClaims {
        stance
        statement
        union { name }
        publicBody { name }
      }
    }
    contracts(first: 10) {
      edges { node { title offshoring { status location { name } } } }
    }
  }
}
`,
  },
  {
    question: 'What do the contracts each union is involved in add up to?',
    query: `# What do the contracts each union is involved in
# add up to? A contract with two unions counts in
# both groups; impactTotals counts it once.
query RollUpByUnion {
  impact(groupBy: [UNION], orderBy: { field: MEMBERS_REPRESENTED, direction: DESC }) {
    key { union { name } }
    contractCount
    contested
    jobsAffected { low high basedOn }
    jobsOffshored { atRisk { low high basedOn } }
    membersRepresented { low high basedOn }
    citations { source { title fileName } }
  }
}
`,
  },
  {
    question: 'Which claims are contested, by whom, and in what words?',
    query: `# Which claims are contested, by whom, and in what
# words? Both sides are kept: each claim lists its
# counterclaims, each with its verbatim quotes.
query ContestedClaims {
  claims(filter: { contested: true }, first: 10) {
    totalCount
    edges {
      node {
        proposition
        stance
        statement
        union { name }
        publicBody { name }
        citations { quote source { title fileName } }
        counterclaims {
          stance
          statement
          publicBody { name }
          union { name }
          citations { quote source { fileName } }
        }
      }
    }
  }
}
`,
  },
  {
    question: 'Where does a name appear, however the sources spell it?',
    query: `# Where does a name appear, however the sources
# spell it? Search ignores case and accents and
# finds misspelt aliases ("Avarto" is Arvato).
query Search {
  search(text: "Avarto", first: 10) {
    field
    text
    node {
      __typename
      ... on Supplier { name slug }
      ... on Contract { title slug }
      ... on PublicBody { name slug }
      ... on Citation { quote source { fileName } }
    }
  }
}
`,
  },
];
