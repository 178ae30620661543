import { afterEach, describe, expect, it } from 'vitest';
import { TIMINGS } from '../../engine/instances/lifecycle';
import { quickStartImage } from '../../engine/test-support/test-lab';
import { terminalHarness, type TerminalHarness } from '../test-support/terminal-harness';
import { attach, loginTo, newVolume, runningInstance } from '../test-support/guest-harness';

let harness: TerminalHarness | undefined;
afterEach(() => harness?.close());

describe('services inside an instance', () => {
  it('installs httpd with dnf, starts it with systemctl, and serves /var/www/html/index.html to GuestServices', async () => {
    harness = terminalHarness();
    const id = runningInstance(harness);
    const services = harness.shells.guest.services;
    void loginTo(harness, id);
    expect(services.listening(id, 'tcp', 22)).toBe(true);
    expect(services.listening(id, 'tcp', 80)).toBe(false);
    expect(await harness.run('sudo systemctl start httpd')).toContain(
      'Failed to start httpd.service: Unit httpd.service not found.',
    );
    expect(await harness.run('dnf install -y httpd')).toContain(
      'Error: This command has to be run with superuser privileges',
    );
    expect(await harness.run('sudo dnf install -y httpd')).toContain('Complete!');
    expect(await harness.run('ls /usr/sbin/httpd /etc/httpd/conf/httpd.conf')).toContain('/usr/sbin/httpd');
    expect(await harness.run('systemctl start httpd')).toContain('Interactive authentication required');
    await harness.run('sudo systemctl start httpd');
    expect(await harness.run('systemctl status httpd')).toMatch(
      /● httpd\.service - The Apache HTTP Server[\s\S]*Active: active \(running\)/,
    );
    expect(services.listening(id, 'tcp', 80)).toBe(true);
    // An empty document root shows Apache's test page (with 403, as its welcome.conf serves it).
    expect(services.http(id, 80, 'GET', '/')).toMatchObject({
      status: 403,
      body: expect.stringContaining('It works!'),
    });
    await harness.run('echo "<h1>My page</h1>" | sudo tee /var/www/html/index.html');
    expect(services.http(id, 80, 'GET', '/')).toMatchObject({ status: 200, body: '<h1>My page</h1>\n' });
    expect(services.http(id, 80, 'GET', '/missing.html')?.status).toBe(404);
    expect(await harness.run('curl -s http://localhost/')).toContain('<h1>My page</h1>');
    await harness.run('sudo chmod 600 /var/www/html/index.html');
    expect(services.http(id, 80, 'GET', '/')?.status).toBe(403);
    await harness.run('sudo systemctl stop httpd');
    expect(services.http(id, 80, 'GET', '/')).toBeUndefined();
    expect(await harness.run('curl http://localhost/')).toContain(
      "curl: (7) Failed to connect to localhost port 80 after 0 ms: Couldn't connect to server",
    );
  });

  it('installs nginx with apt on Ubuntu, which starts and enables it', async () => {
    harness = terminalHarness();
    const id = runningInstance(harness, { ImageId: quickStartImage('ubuntu') });
    void loginTo(harness, id, 'ubuntu');
    expect(await harness.run('dnf install httpd')).toContain('dnf: command not found');
    expect(await harness.run('sudo apt install -y nosuchthing')).toContain('E: Unable to locate package nosuchthing');
    expect(await harness.run('sudo apt-get install -y nginx')).toContain('Setting up nginx');
    expect(await harness.run('systemctl is-active nginx; systemctl is-enabled nginx')).toContain('active\nenabled\n');
    expect(harness.shells.guest.services.http(id, 80, 'GET', '/')?.body).toContain('Welcome to nginx!');
  });
});

describe('CPU load', () => {
  it('records stress as CPU load that top shows, until Ctrl-C', async () => {
    harness = terminalHarness();
    const id = runningInstance(harness, { ImageId: quickStartImage('ubuntu') });
    void loginTo(harness, id, 'ubuntu');
    expect(await harness.run('stress --cpu 2 --timeout 60')).toContain('stress: command not found');
    await harness.run('sudo apt install -y stress');
    const from = harness.screen().length;
    harness.keys('stress --cpu 2 --timeout 600\r');
    await harness.waitFor('dispatching hogs: 2 cpu', from);
    expect(harness.lab.engine.guests.view(id)?.cpuUtilization).toBe(100);
    harness.keys('\x03');
    await harness.waitFor(/\$ $/, from + 10);
    expect(harness.lab.engine.guests.view(id)?.cpuUtilization).toBe(0);

    // With a timeout, the load ends when that much lab time has passed.
    const second = harness.screen().length;
    harness.keys('stress --cpu 1 --timeout 30s\r');
    await harness.waitFor('dispatching hogs: 1 cpu', second);
    expect(harness.lab.engine.guests.view(id)?.cpuUtilization).toBe(50);
    harness.lab.pass(31_000);
    await harness.waitFor(/successful run completed in 3\ds\n/, second);
    expect(harness.lab.engine.guests.view(id)?.cpuUtilization).toBe(0);
  });

  it('runs `yes > /dev/null &` as a background load that top shows, until kill', async () => {
    harness = terminalHarness();
    const id = runningInstance(harness);
    void loginTo(harness, id);
    const started = await harness.run('yes > /dev/null &');
    const pid = harness.lab.engine.guests.view(id)!.loads[0]!.pid;
    expect(started).toContain(`[1] ${pid}\n`);
    expect(await harness.run('jobs')).toContain('[1]+  Running                 yes > /dev/null &\n');
    const screen = await harness.run('top -b -n 1');
    expect(screen).toMatch(/%Cpu\(s\): +50\.0 us/);
    expect(screen).toMatch(new RegExp(`${pid} root .* R +100\\.0 .* yes\\n`));
    expect(await harness.run('kill 99999')).toContain('kill: (99999) - No such process');
    await harness.run(`kill ${pid}`);
    expect(harness.lab.engine.guests.view(id)?.loads).toEqual([]);
    await harness.run('yes > /dev/null & yes > /dev/null &');
    expect(harness.lab.engine.guests.view(id)?.cpuUtilization).toBe(100);
    await harness.run('kill %2');
    expect(harness.lab.engine.guests.view(id)?.cpuUtilization).toBe(50);
    await harness.run('killall yes');
    expect(harness.lab.engine.guests.view(id)?.loads).toEqual([]);
  });
});

describe('shutting down from inside', () => {
  it('stops the instance on `sudo shutdown -h now`, as an instance-initiated shutdown that is not an API call', async () => {
    harness = terminalHarness();
    const id = runningInstance(harness);
    const ended = loginTo(harness, id);
    expect(await harness.run('shutdown -h now')).toContain(
      'Call to PowerOff failed: Interactive authentication required.',
    );
    const logged = harness.lab.lab('DescribeActivity', {}).Events.length;
    harness.keys('sudo shutdown -h now\r');
    expect(await ended).toEqual({ status: 255, closedByRemote: true });
    const instance = harness.lab.ec2('DescribeInstances', { InstanceIds: [id] }).Reservations![0]!.Instances![0]!;
    expect(instance.State?.Name).toBe('stopping');
    expect(instance.StateReason).toEqual({
      Code: 'Client.InstanceInitiatedShutdown',
      Message: 'Client.InstanceInitiatedShutdown: Instance initiated shutdown',
    });
    harness.lab.pass(TIMINGS.stoppingMs);
    expect(harness.lab.stateOf(id)).toBe('stopped');
    expect(harness.lab.lab('DescribeActivity', {}).Events.length).toBe(logged);
  });

  it('terminates the instance on poweroff when its shutdown behaviour is terminate, even with termination protection', async () => {
    harness = terminalHarness();
    const id = runningInstance(harness, {
      InstanceInitiatedShutdownBehavior: 'terminate',
      DisableApiTermination: true,
    });
    const ended = loginTo(harness, id);
    harness.keys('sudo poweroff\r');
    expect(await ended).toEqual({ status: 255, closedByRemote: true });
    expect(harness.lab.stateOf(id)).toBe('shutting-down');
    harness.lab.pass(TIMINGS.shuttingDownMs);
    expect(harness.lab.stateOf(id)).toBe('terminated');
  });

  it('reboots: the instance stays running, the connection drops, and what was mounted is gone after the boot', async () => {
    harness = terminalHarness();
    const id = runningInstance(harness);
    attach(harness, newVolume(harness), id);
    const ended = loginTo(harness, id);
    await harness.run('sudo mkfs -t xfs /dev/nvme1n1 && sudo mkdir /data && sudo mount /dev/nvme1n1 /data');
    harness.keys('sudo reboot\r');
    expect(await ended).toEqual({ status: 255, closedByRemote: true });
    expect(harness.lab.stateOf(id)).toBe('running');
    expect(harness.shells.guest.services.listening(id, 'tcp', 22)).toBe(false);
    harness.lab.pass(TIMINGS.rebootMs);
    expect(harness.shells.guest.services.listening(id, 'tcp', 22)).toBe(true);
    expect(harness.lab.engine.guests.view(id)?.mounts).toEqual([]);
  });
});

describe('the system', () => {
  it('reports the instance type: uname, nproc, free, uptime, ip addr, /proc', async () => {
    harness = terminalHarness();
    const id = runningInstance(harness, {
      InstanceType: 't4g.small',
      ImageId: quickStartImage('amazon-linux', 'arm64'),
    });
    const instance = harness.lab.ec2('DescribeInstances', { InstanceIds: [id] }).Reservations![0]!.Instances![0]!;
    void loginTo(harness, id);
    expect(await harness.run('uname -m; uname -r')).toMatch(/aarch64\n6\.1\.\d+-[\d.]+\.amzn2023\.aarch64\n/);
    expect(await harness.run('uname -a')).toMatch(
      /^Linux ip-[\d-]+\.ap-northeast-2\.compute\.internal 6\.1\.[^ ]+ #1 SMP .* aarch64 aarch64 aarch64 GNU\/Linux$/m,
    );
    expect(await harness.run('nproc')).toContain('2\n');
    expect(await harness.run('free -m')).toMatch(/\nMem: +(\d+) /);
    const total = Number(/\nMem: +(\d+) /.exec(harness.screen())![1]);
    expect(total).toBeGreaterThan(1800);
    expect(total).toBeLessThan(2048);
    harness.lab.pass(5 * 60_000);
    expect(await harness.run('uptime')).toMatch(/ up 5 min, +1 user, +load average: 0\.00, 0\.00, 0\.00\n/);
    harness.lab.pass(60 * 60_000);
    expect(await harness.run('uptime -p')).toContain('up 1 hour, 5 minutes\n');
    const ip = await harness.run('ip addr');
    expect(ip).toContain(`link/ether ${instance.NetworkInterfaces![0]!.MacAddress}`);
    expect(ip).toContain(`inet ${instance.PrivateIpAddress}/20`);
    expect(await harness.run('ip route')).toMatch(/default via 172\.31\.\d+\.1 dev ens5 proto dhcp src /);
    expect(await harness.run('ifconfig')).toContain('ifconfig: command not found');
    expect(await harness.run('grep -c ^processor /proc/cpuinfo; head -1 /proc/meminfo')).toMatch(
      /2\nMemTotal: +\d+ kB\n/,
    );
  });
});
