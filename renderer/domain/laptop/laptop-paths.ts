/** Laptop paths as its shell user writes them: `/home/learner/Downloads/key.pem` → `~/Downloads/key.pem`. */
export function homeRelative(path: string, home: string): string {
  return path === home ? '~' : path.startsWith(`${home}/`) ? `~${path.slice(home.length)}` : path;
}
