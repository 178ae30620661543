/**
 * What answers on an instance's ports (the GuestServices the laptop's ssh, curl and nc ask): sshd
 * on 22 while the OS is up and sshd runs, a web server on 80 once `systemctl start httpd` (or nginx,
 * apache2) — serving the files under its document root from the instance's disks, as the
 * distribution configures it: /var/www/html for httpd and apache2 (and nginx on Ubuntu),
 * /usr/share/nginx/html for nginx on Amazon Linux.
 */
import type { ShellEngine } from '../shell-engine';
import { GuestFs, normalizePath, permits, type Mount } from '../machines/guest-fs';
import type { GuestServices, HttpAnswer } from '../machines/guest-services';
import { WEB_SERVERS } from './package-catalog';

const NOBODY = { uid: 65534, gid: 65534 };

/** Apache's "It works!" page, served when the document root has no index.html (Amazon Linux 2023's httpd). */
const IT_WORKS = '<html><body><h1>It works!</h1></body></html>\n';

function notFound(server: string, path: string): HttpAnswer {
  const body =
    server === 'nginx'
      ? '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'
      : `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL ${path} was not found on this server.</p>\n</body></html>\n`;
  return {
    status: 404,
    headers: { 'Content-Type': 'text/html; charset=iso-8859-1', Server: serverHeader(server) },
    body,
  };
}

function serverHeader(server: string): string {
  return server === 'nginx'
    ? 'nginx/1.24.0'
    : server === 'apache2'
      ? 'Apache/2.4.58 (Ubuntu)'
      : 'Apache/2.4.62 (Amazon Linux)';
}

export function guestFsOf(engine: ShellEngine, instanceId: string): GuestFs | undefined {
  const root = engine.disks.disksOf(instanceId).find((d) => d.root);
  if (!root) return undefined;
  return new GuestFs({
    disks: engine.disks,
    mounts: (): Mount[] => [
      { mountPoint: '/', diskId: root.diskId },
      ...(engine.guests.view(instanceId)?.mounts ?? []).map((m) => ({ mountPoint: m.mountPoint, diskId: m.diskId })),
    ],
  });
}

export function guestServices(engine: ShellEngine): GuestServices {
  const webServer = (instanceId: string) => {
    const view = engine.guests.view(instanceId);
    if (!view?.up) return undefined;
    return WEB_SERVERS.find((name) => view.running.includes(name));
  };
  return {
    listening(instanceId, protocol, port) {
      if (protocol !== 'tcp') return false;
      const view = engine.guests.view(instanceId);
      if (!view?.up) return false;
      if (port === 22) return view.running.includes('sshd');
      return port === 80 && webServer(instanceId) !== undefined;
    },
    http(instanceId, port, method, path) {
      const server = port === 80 ? webServer(instanceId) : undefined;
      if (!server) return undefined;
      const fs = guestFsOf(engine, instanceId);
      if (!fs) return undefined;
      const roots =
        server === 'nginx' &&
        fs.statOrUndefined('/usr/share/nginx/html', true) &&
        !fs.statOrUndefined('/etc/nginx/sites-enabled', true)
          ? ['/usr/share/nginx/html']
          : ['/var/www/html'];
      const root = roots[0]!;
      const clean = normalizePath(decodeURIComponent(path.split('?')[0] || '/'));
      let target = normalizePath(`${root}/${clean}`);
      const stat = fs.statOrUndefined(target, true);
      const headers = { 'Content-Type': 'text/html; charset=UTF-8', Server: serverHeader(server) };
      if (stat?.type === 'directory') {
        const index = ['index.html', 'index.htm', 'index.nginx-debian.html'].find((name) =>
          fs.statOrUndefined(`${target}/${name}`, true),
        );
        if (!index) {
          if (clean === '/' && server !== 'nginx')
            return { status: 403, headers, body: method === 'HEAD' ? '' : IT_WORKS };
          return {
            status: 403,
            headers,
            body: '<html><head><title>403 Forbidden</title></head><body><h1>Forbidden</h1></body></html>\n',
          };
        }
        target = `${target}/${index}`;
      } else if (!stat) return notFound(server, clean);
      // The server's user (apache, nginx, www-data) must be able to read the file: a `chmod 600` page is 403.
      const file = fs.statOrUndefined(target, true);
      try {
        if (!file || !permits(file, NOBODY, 4)) throw new Error('not readable');
        const body = new TextDecoder().decode(fs.readBytes(target, { uid: 0, gid: 0 }));
        return { status: 200, headers, body: method === 'HEAD' ? '' : body };
      } catch {
        return {
          status: 403,
          headers,
          body: '<html><head><title>403 Forbidden</title></head><body><h1>Forbidden</h1></body></html>\n',
        };
      }
    },
  };
}
