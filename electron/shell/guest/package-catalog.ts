/**
 * The small offline catalog the instances' package managers know: web servers (httpd on Amazon
 * Linux and RHEL, apache2 on Ubuntu and Debian, nginx on both), load generators (stress-ng; stress
 * on Ubuntu and Debian only — Amazon Linux 2023's repositories do not carry it) and a few tools.
 * Installing one writes its files (the binary as a marker, its configuration, the web root), as
 * the distribution's package lays them out.
 */
import type { QuickStartOs } from '../../../shared/lab-operations';

export interface PackageFile {
  path: string;
  content: string;
  mode?: number;
}

export interface CatalogPackage {
  name: string;
  version: string;
  /** Download size and installed size in kB, as the package manager reports them. */
  sizeKb: number;
  installedKb: number;
  /** The file whose presence says the package is installed. */
  marker: string;
  directories: string[];
  files: PackageFile[];
  /** The systemd service it brings (started at once by apt's postinst, never by dnf). */
  service?: string;
}

export type PackageManager = 'dnf' | 'apt';

export const managerOf = (os: QuickStartOs): PackageManager | undefined =>
  os === 'amazon-linux' || os === 'rhel' ? 'dnf' : os === 'ubuntu' || os === 'debian' ? 'apt' : undefined;

const HTTPD_CONF =
  'ServerRoot "/etc/httpd"\nListen 80\nInclude conf.modules.d/*.conf\nUser apache\nGroup apache\nServerAdmin root@localhost\nDocumentRoot "/var/www/html"\n<Directory "/var/www/html">\n    Options Indexes FollowSymLinks\n    AllowOverride None\n    Require all granted\n</Directory>\n<IfModule dir_module>\n    DirectoryIndex index.html\n</IfModule>\nErrorLog "logs/error_log"\nIncludeOptional conf.d/*.conf\n';

const NGINX_PAGE =
  '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n<p>If you see this page, the nginx web server is successfully installed and\nworking. Further configuration is required.</p>\n</body>\n</html>\n';

const APACHE2_PAGE =
  '<!DOCTYPE html>\n<html>\n<head>\n<title>Apache2 Ubuntu Default Page: It works</title>\n</head>\n<body>\n<h1>Apache2 Default Page</h1>\n<p>It works!</p>\n<p>This is the default welcome page used to test the correct operation of the Apache2 server after installation on Ubuntu systems.</p>\n</body>\n</html>\n';

const binary = (path: string): PackageFile => ({ path, content: '\x7fELF', mode: 0o755 });

const DNF: CatalogPackage[] = [
  {
    name: 'httpd',
    version: '2.4.62-1.amzn2023',
    sizeKb: 48,
    installedKb: 69,
    marker: '/usr/sbin/httpd',
    directories: [
      '/etc/httpd/conf',
      '/etc/httpd/conf.d',
      '/etc/httpd/conf.modules.d',
      '/var/www/html',
      '/var/www/cgi-bin',
      '/var/log/httpd',
    ],
    files: [
      binary('/usr/sbin/httpd'),
      binary('/usr/sbin/apachectl'),
      { path: '/etc/httpd/conf/httpd.conf', content: HTTPD_CONF },
    ],
    service: 'httpd',
  },
  {
    name: 'nginx',
    version: '1:1.24.0-1.amzn2023.0.4',
    sizeKb: 33,
    installedKb: 109,
    marker: '/usr/sbin/nginx',
    directories: ['/etc/nginx/conf.d', '/usr/share/nginx/html', '/var/log/nginx'],
    files: [
      binary('/usr/sbin/nginx'),
      {
        path: '/etc/nginx/nginx.conf',
        content:
          'user nginx;\nworker_processes auto;\nhttp {\n    server {\n        listen 80;\n        root /usr/share/nginx/html;\n    }\n}\n',
      },
      { path: '/usr/share/nginx/html/index.html', content: NGINX_PAGE },
    ],
    service: 'nginx',
  },
  {
    name: 'stress-ng',
    version: '0.17.08-1.amzn2023',
    sizeKb: 2560,
    installedKb: 7270,
    marker: '/usr/bin/stress-ng',
    directories: [],
    files: [binary('/usr/bin/stress-ng')],
  },
  {
    name: 'htop',
    version: '3.2.1-86.amzn2023.0.2',
    sizeKb: 177,
    installedKb: 399,
    marker: '/usr/bin/htop',
    directories: [],
    files: [binary('/usr/bin/htop')],
  },
  {
    name: 'git',
    version: '2.47.1-1.amzn2023.0.1',
    sizeKb: 52,
    installedKb: 86,
    marker: '/usr/bin/git',
    directories: [],
    files: [binary('/usr/bin/git')],
  },
];

const APT: CatalogPackage[] = [
  {
    name: 'apache2',
    version: '2.4.58-1ubuntu8.5',
    sizeKb: 90,
    installedKb: 465,
    marker: '/usr/sbin/apache2',
    directories: ['/etc/apache2/sites-enabled', '/etc/apache2/sites-available', '/var/www/html', '/var/log/apache2'],
    files: [
      binary('/usr/sbin/apache2'),
      binary('/usr/sbin/apache2ctl'),
      {
        path: '/etc/apache2/apache2.conf',
        content:
          'DefaultRuntimeDir ${APACHE_RUN_DIR}\nPidFile ${APACHE_PID_FILE}\nTimeout 300\nIncludeOptional sites-enabled/*.conf\n',
      },
      {
        path: '/etc/apache2/sites-available/000-default.conf',
        content:
          '<VirtualHost *:80>\n\tServerAdmin webmaster@localhost\n\tDocumentRoot /var/www/html\n</VirtualHost>\n',
      },
      { path: '/var/www/html/index.html', content: APACHE2_PAGE },
    ],
    service: 'apache2',
  },
  {
    name: 'nginx',
    version: '1.24.0-2ubuntu7.1',
    sizeKb: 520,
    installedKb: 1596,
    marker: '/usr/sbin/nginx',
    directories: ['/etc/nginx/sites-enabled', '/etc/nginx/sites-available', '/var/www/html', '/var/log/nginx'],
    files: [
      binary('/usr/sbin/nginx'),
      {
        path: '/etc/nginx/nginx.conf',
        content: 'user www-data;\nworker_processes auto;\nhttp {\n\tinclude /etc/nginx/sites-enabled/*;\n}\n',
      },
      {
        path: '/etc/nginx/sites-available/default',
        content:
          'server {\n\tlisten 80 default_server;\n\troot /var/www/html;\n\tindex index.html index.htm index.nginx-debian.html;\n}\n',
      },
      { path: '/var/www/html/index.nginx-debian.html', content: NGINX_PAGE },
    ],
    service: 'nginx',
  },
  {
    name: 'stress',
    version: '1.0.7-1',
    sizeKb: 21,
    installedKb: 56,
    marker: '/usr/bin/stress',
    directories: [],
    files: [binary('/usr/bin/stress')],
  },
  {
    name: 'stress-ng',
    version: '0.17.06-1build1',
    sizeKb: 2510,
    installedKb: 7168,
    marker: '/usr/bin/stress-ng',
    directories: [],
    files: [binary('/usr/bin/stress-ng')],
  },
  {
    name: 'htop',
    version: '3.3.0-4build1',
    sizeKb: 171,
    installedKb: 434,
    marker: '/usr/bin/htop',
    directories: [],
    files: [binary('/usr/bin/htop')],
  },
  {
    name: 'git',
    version: '1:2.43.0-1ubuntu7.1',
    sizeKb: 3680,
    installedKb: 21300,
    marker: '/usr/bin/git',
    directories: [],
    files: [binary('/usr/bin/git')],
  },
];

export function catalogOf(manager: PackageManager): readonly CatalogPackage[] {
  return manager === 'dnf' ? DNF : APT;
}

/** Services systemctl knows on an instance: sshd always, the rest once their package is installed. */
export function serviceUnits(
  manager: PackageManager | undefined,
): { name: string; description: string; marker?: string }[] {
  const web = manager ? catalogOf(manager).filter((p) => p.service) : [];
  return [
    { name: manager === 'apt' ? 'ssh' : 'sshd', description: 'OpenSSH server daemon' },
    ...web.map((p) => ({
      name: p.service!,
      description:
        p.service === 'nginx'
          ? 'The nginx HTTP and reverse proxy server'
          : p.service === 'httpd'
            ? 'The Apache HTTP Server'
            : 'The Apache HTTP Server',
      marker: p.marker,
    })),
  ];
}

/** The web servers and the port they listen on. */
export const WEB_SERVERS = ['httpd', 'apache2', 'nginx'] as const;
