/**
 * Commands that answer from who is logged in where: `whoami`, `id`, `hostname`, `groups`.
 * just-bash has its own `whoami` and `hostname`, which know nothing of the lab's machines.
 */
import { ok, type LabCommand } from './machine';

/** Groups a machine gives its users (the image's default user is in `wheel`/`adm` as on AWS's images). */
export type GroupNames = (uid: number) => { gid: number; name: string }[];

export function identityCommands(hostname: () => string, groupsOf: GroupNames): Map<string, LabCommand> {
  const nameOf = (uid: number, fallback: string) => (uid === 0 ? 'root' : fallback);
  return new Map<string, LabCommand>([
    ['whoami', ({ who, user }) => ok(`${nameOf(who.uid, user.name)}\n`)],
    [
      'id',
      ({ who, user }) => {
        const name = nameOf(who.uid, user.name);
        const groups = groupsOf(who.uid);
        const primary = groups[0] ?? { gid: who.gid, name };
        const list = groups.map((g) => `${g.gid}(${g.name})`).join(',');
        return ok(`uid=${who.uid}(${name}) gid=${primary.gid}(${primary.name}) groups=${list}\n`);
      },
    ],
    [
      'groups',
      ({ who }) =>
        ok(
          `${groupsOf(who.uid)
            .map((g) => g.name)
            .join(' ')}\n`,
        ),
    ],
    [
      'hostname',
      ({ request }) => (request.args.includes('-s') ? ok(`${hostname().split('.')[0]}\n`) : ok(`${hostname()}\n`)),
    ],
  ]);
}
