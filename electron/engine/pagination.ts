/**
 * MaxResults / NextToken paging as EC2 does it: the token is opaque to the caller and only valid
 * for the same kind of request.
 */
import { errors } from './errors';

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export function paginate<T>(
  items: readonly T[],
  request: { MaxResults?: number; NextToken?: string },
  limits: { min: number; max: number; scope: string },
): Page<T> {
  const { MaxResults, NextToken } = request;
  if (
    MaxResults !== undefined &&
    (!Number.isInteger(MaxResults) || MaxResults < limits.min || MaxResults > limits.max)
  ) {
    throw errors.invalidParameterValue(
      `Value ( ${MaxResults} ) for parameter maxResults is invalid. Expecting a value between ${limits.min} and ${limits.max}.`,
    );
  }
  const offset = NextToken === undefined ? 0 : decodeToken(NextToken, limits.scope);
  if (offset > items.length) throw errors.invalidNextToken();
  if (MaxResults === undefined) return { items: items.slice(offset) };
  const end = offset + MaxResults;
  return {
    items: items.slice(offset, end),
    nextToken: end < items.length ? encodeToken(end, limits.scope) : undefined,
  };
}

function encodeToken(offset: number, scope: string): string {
  return btoa(JSON.stringify({ s: scope, o: offset }));
}

function decodeToken(token: string, scope: string): number {
  try {
    const parsed = JSON.parse(atob(token)) as { s?: unknown; o?: unknown };
    if (parsed.s === scope && Number.isInteger(parsed.o) && (parsed.o as number) >= 0) return parsed.o as number;
  } catch {
    // fall through
  }
  throw errors.invalidNextToken();
}
