import { Service } from '../schema/enums';
import { foldText } from '../services/fold-text';

/** CPV code prefixes for back-office services, longest first where they overlap. */
const CPV_RULES: Array<[prefix: string, service: Service, label: string]> = [
  ['79211110', Service.HR, 'payroll management'],
  ['7951', Service.CALL_CENTRES, 'telephone answering and call centres'],
  ['79342300', Service.CALL_CENTRES, 'customer services'],
  ['7921', Service.FINANCE, 'accounting and auditing'],
  ['7960', Service.HR, 'recruitment'],
  ['7961', Service.HR, 'personnel placement'],
  ['7963', Service.HR, 'personnel services'],
  ['7994', Service.BILLING, 'collection agencies'],
  ['79999200', Service.INVOICE_PROCESSING, 'invoicing'],
  ['7950', Service.BACK_OFFICE, 'office-support services'],
  ['72', Service.IT, 'IT services'],
];

/** Phrases in a title or description, folded. */
const KEYWORD_RULES: Array<[phrase: string, service: Service]> = [
  ['shared service', Service.SHARED_SERVICES],
  ['business process outsourc', Service.BACK_OFFICE],
  ['back office', Service.BACK_OFFICE],
  ['call centre', Service.CALL_CENTRES],
  ['call center', Service.CALL_CENTRES],
  ['contact centre', Service.CALL_CENTRES],
  ['contact center', Service.CALL_CENTRES],
  ['payroll', Service.HR],
  ['human resources', Service.HR],
  ['hr services', Service.HR],
  ['accounts payable', Service.FINANCE],
  ['transactional finance', Service.FINANCE],
  ['finance and accounting', Service.FINANCE],
  ['revenues and benefits', Service.BENEFIT_PROCESSING],
  ['benefits processing', Service.BENEFIT_PROCESSING],
  ['it outsourcing', Service.IT],
  ['ict services', Service.IT],
  ['it managed service', Service.IT],
];

export interface Classification {
  outsourcing: boolean;
  services: Service[];
  reason: string;
}

/**
 * Whether an imported contract is back-office outsourcing, and of which services: any CPV code under a
 * back-office prefix, or any back-office phrase in its title or description. The reason says which
 * matched, or that none did.
 */
export function classify(cpvCodes: string[], texts: Array<string | null | undefined>): Classification {
  const matches: string[] = [];
  const services = new Set<Service>();
  for (const code of cpvCodes) {
    const rule = CPV_RULES.find(([prefix]) => code.startsWith(prefix));
    if (rule) {
      services.add(rule[1]);
      matches.push(`CPV ${code} (${rule[2]}) → ${rule[1]}`);
    }
  }
  const folded = ` ${texts
    .filter(Boolean)
    .map((t) => foldText(t!))
    .join(' ')} `;
  for (const [phrase, service] of KEYWORD_RULES) {
    if (folded.includes(` ${phrase}`)) {
      services.add(service);
      matches.push(`"${phrase}" → ${service}`);
    }
  }
  if (!matches.length) {
    const codes = cpvCodes.length ? `CPV ${cpvCodes.join(', ')}` : 'no CPV code';
    return {
      outsourcing: false,
      services: [],
      reason: `Not back-office outsourcing: ${codes}, and no back-office phrase in the title or description.`,
    };
  }
  return { outsourcing: true, services: [...services], reason: `Back-office outsourcing: ${matches.join('; ')}.` };
}
