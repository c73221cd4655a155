import { type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/** The fragment a spread names, wherever the caller keeps them (an operation's document, a resolver's info). */
export type FragmentLookup = (name: string) => FragmentDefinitionNode | undefined;

/** The fields of a selection set, through inline fragments and fragment spreads (a spread of no known fragment adds none). */
export function selectedFields(selectionSet: SelectionSetNode | undefined, fragment: FragmentLookup): FieldNode[] {
  return (selectionSet?.selections ?? []).flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return selectedFields(selection.selectionSet, fragment);
    return selectedFields(fragment(selection.name.value)?.selectionSet, fragment);
  });
}

/** The fields selected under a resolver's field nodes (its own by default), through the operation's fragments. */
export function fieldsUnder(info: GraphQLResolveInfo, nodes: readonly FieldNode[] = info.fieldNodes): FieldNode[] {
  return nodes.flatMap((node) => selectedFields(node.selectionSet, (name) => info.fragments[name]));
}
