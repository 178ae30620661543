/**
 * Launch template rules the engine and the console both apply: a name is 3 to 128 characters of
 * letters, digits and `( ) . - / _` (EC2 API Reference: API_CreateLaunchTemplate "LaunchTemplateName").
 */
const NAME_PATTERN = /^[a-zA-Z0-9().\-/_]{3,128}$/;

export function isLaunchTemplateName(name: unknown): name is string {
  return typeof name === 'string' && NAME_PATTERN.test(name);
}
