/**
 * The Instances page's property filters, as the EC2 console's filter bar offers them: tokens such as
 * `Instance state = running`, `tag:Env = prod` or `Instance type != t3.micro` next to free text, all
 * of which an instance must match. The properties are DescribeInstances filters (EC2 API Reference:
 * DescribeInstances, Filter.N: instance-state-name, instance-type, availability-zone, ip-address,
 * private-ip-address, tag:<key>).
 */
import type { Instance } from '@aws-sdk/client-ec2';

export const FILTER_PROPERTIES = [
  'instance-state-name',
  'instance-type',
  'availability-zone',
  'ip-address',
  'private-ip-address',
  'tag',
] as const;
export type FilterProperty = (typeof FILTER_PROPERTIES)[number];

export type FilterOperator = '=' | '!=';

export interface FilterToken {
  property: FilterProperty;
  /** The tag key, for `tag:<key>`. */
  tagKey?: string;
  operator: FilterOperator;
  value: string;
}

/** The instance's values for a property (for a tag, the values of that tag key). */
export function valuesOf(instance: Instance, token: Pick<FilterToken, 'property' | 'tagKey'>): (string | undefined)[] {
  switch (token.property) {
    case 'instance-state-name':
      return [instance.State?.Name];
    case 'instance-type':
      return [instance.InstanceType];
    case 'availability-zone':
      return [instance.Placement?.AvailabilityZone];
    case 'ip-address':
      return [instance.PublicIpAddress];
    case 'private-ip-address':
      return [instance.PrivateIpAddress];
    case 'tag':
      return (instance.Tags ?? []).filter((tag) => tag.Key === token.tagKey).map((tag) => tag.Value);
  }
}

/** `=` needs the exact value; `!=` any other value (an instance without the property matches `!=`). */
export function matchesToken(instance: Instance, token: FilterToken): boolean {
  const equal = valuesOf(instance, token).some((value) => value === token.value);
  return token.operator === '=' ? equal : !equal;
}

export function matchesTokens(instance: Instance, tokens: readonly FilterToken[]): boolean {
  return tokens.every((token) => matchesToken(instance, token));
}

/**
 * Reads `<property> <operator> <value>` typed into the search box, the property named by its label
 * (`labelOf`, in the console's language, or in English) or as `tag:<key>`; undefined when the text is
 * free text instead.
 */
export function parseToken(
  text: string,
  labelsOf: (property: FilterProperty) => readonly string[],
): FilterToken | undefined {
  const match = /^(.+?)\s*(!=|=)\s*(.+)$/.exec(text.trim());
  if (!match) return undefined;
  const [, name = '', operator = '=', value = ''] = match;
  const tag = /^tag:(.+)$/i.exec(name.trim());
  if (tag?.[1]) return { property: 'tag', tagKey: tag[1].trim(), operator: operator as FilterOperator, value };
  const wanted = name.trim().toLowerCase();
  const property = FILTER_PROPERTIES.find(
    (candidate) =>
      candidate !== 'tag' &&
      (candidate === wanted || labelsOf(candidate).some((label) => label.toLowerCase() === wanted)),
  );
  return property ? { property, operator: operator as FilterOperator, value } : undefined;
}

export function sameToken(a: FilterToken, b: FilterToken): boolean {
  return a.property === b.property && a.tagKey === b.tagKey && a.operator === b.operator && a.value === b.value;
}
