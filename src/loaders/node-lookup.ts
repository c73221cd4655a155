import { fromGlobalId } from 'graphql-relay';
import { badUserInput } from '../errors';
import type { Loaders } from '.';
import { TYPE_NAME_TO_SUBJECT } from '../schema/subject-types';
import { loadSubject } from './subjects';

/** `node(id:)`: a malformed id is the client's error; a well-formed id of a missing record is null. */
export async function loadNode(loaders: Loaders, globalId: string): Promise<object | null> {
  const { type, id } = fromGlobalId(globalId);
  const rowId = Number(id);
  if (type === 'Citation' && Number.isInteger(rowId)) return loaders.citation.load(rowId);
  const subject = TYPE_NAME_TO_SUBJECT[type];
  if (!subject || !Number.isInteger(rowId) || rowId <= 0) {
    throw badUserInput('id', `"${globalId}" is not an ID issued by this API.`);
  }
  return loadSubject(loaders, subject, rowId);
}
