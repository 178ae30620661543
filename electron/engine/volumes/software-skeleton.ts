/**
 * The files a Marketplace AMI's software stack adds to its OS's root volume: Bitnami's WordPress
 * stack under /opt/bitnami with the application password in the bitnami user's home (Bitnami docs:
 * "Obtain application and server credentials"), NGINX's configuration, web root and logs as the
 * nginx.org packages lay them out on Ubuntu (nginx.org: "Installing nginx", Beginner's Guide).
 */
import type { MarketplaceSoftware } from '../../../shared/lab-operations';
import type { Filesystem } from './filesystem';

export function addSoftware(fs: Filesystem, software: MarketplaceSoftware, user: string): void {
  if (software === 'wordpress') wordpressStack(fs, user);
  else nginxServer(fs);
}

function wordpressStack(fs: Filesystem, user: string): void {
  for (const dir of [
    '/opt/bitnami/apache/conf',
    '/opt/bitnami/apache/logs',
    '/opt/bitnami/php/etc',
    '/opt/bitnami/mariadb/conf',
    '/opt/bitnami/wordpress/wp-content/uploads',
  ]) {
    fs.mkdir(dir, { recursive: true });
  }
  fs.writeFile(
    '/opt/bitnami/wordpress/wp-config.php',
    "<?php\ndefine( 'DB_NAME', 'bitnami_wordpress' );\ndefine( 'DB_USER', 'bn_wordpress' );\ndefine( 'DB_HOST', '127.0.0.1:3306' );\n$table_prefix = 'wp_';\nrequire_once ABSPATH . 'wp-settings.php';\n",
  );
  fs.writeFile(
    '/opt/bitnami/wordpress/index.php',
    "<?php\ndefine( 'WP_USE_THEMES', true );\nrequire __DIR__ . '/wp-blog-header.php';\n",
  );
  fs.writeFile(
    '/opt/bitnami/apache/conf/httpd.conf',
    'ServerRoot "/opt/bitnami/apache"\nListen 80\nDocumentRoot "/opt/bitnami/wordpress"\nInclude "/opt/bitnami/apache/conf/bitnami/bitnami.conf"\n',
  );
  fs.writeFile('/opt/bitnami/apache/logs/access_log', '');
  fs.writeFile('/opt/bitnami/apache/logs/error_log', '');
  fs.writeFile('/opt/bitnami/php/etc/php.ini', 'memory_limit = 256M\nupload_max_filesize = 40M\npost_max_size = 40M\n');
  fs.writeFile('/opt/bitnami/mariadb/conf/my.cnf', '[mysqld]\nport=3306\nbind-address=127.0.0.1\n');
  fs.writeFile('/opt/bitnami/properties.ini', '[General]\nbase_stack_name=WordPress\nbase_stack_version=6.8.2-5\n');
  fs.writeFile(
    `/home/${user}/bitnami_credentials`,
    "Welcome to the Bitnami WordPress Stack\n\n******************************************************************************\nThe default username and password is 'user' and 'bitnami'.\n******************************************************************************\n\nYou can also use this password to access the databases and any other component the stack includes.\n",
    { uid: 1000, gid: 1000 },
  );
  fs.symlink('/opt/bitnami', `/home/${user}/stack`, { uid: 1000, gid: 1000 });
}

function nginxServer(fs: Filesystem): void {
  fs.mkdir('/etc/nginx/conf.d', { recursive: true });
  fs.mkdir('/usr/share/nginx/html', { recursive: true });
  fs.mkdir('/var/log/nginx', { recursive: true });
  fs.writeFile(
    '/etc/nginx/nginx.conf',
    'user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /run/nginx.pid;\n\nevents {\n    worker_connections  1024;\n}\n\nhttp {\n    include       /etc/nginx/mime.types;\n    default_type  application/octet-stream;\n    access_log  /var/log/nginx/access.log  main;\n    sendfile        on;\n    keepalive_timeout  65;\n    include /etc/nginx/conf.d/*.conf;\n}\n',
  );
  fs.writeFile(
    '/etc/nginx/conf.d/default.conf',
    'server {\n    listen       80;\n    server_name  localhost;\n\n    location / {\n        root   /usr/share/nginx/html;\n        index  index.html index.htm;\n    }\n}\n',
  );
  fs.writeFile(
    '/usr/share/nginx/html/index.html',
    '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n<p>If you see this page, the nginx web server is successfully installed and working.</p>\n</body>\n</html>\n',
  );
  fs.writeFile('/var/log/nginx/access.log', '');
  fs.writeFile('/var/log/nginx/error.log', '');
  fs.writeFile('/usr/sbin/nginx', '', { mode: 0o755 });
}
