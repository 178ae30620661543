/**
 * The Content-Security-Policy both doors send with the renderer: scripts and styles only from the
 * app's own origin, no inline script, no eval, nothing framed, no plugins. Vite inlines small
 * images and fonts as data: URLs, hence `data:` for those two.
 */
export function contentSecurityPolicy(connectSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    ["connect-src 'self'", ...connectSources].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
