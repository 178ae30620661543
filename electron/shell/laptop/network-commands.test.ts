import { afterEach, describe, expect, it } from 'vitest';
import type { GuestServices } from '../machines/guest-services';
import { clientsHarness, launchReachable, type ClientsHarness } from '../test-support/laptop-clients-harness';

/** Each test launches instances and runs several clients; a machine shared with other runs needs room. */
const ROOM = { timeout: 20_000 };

let harness: ClientsHarness | undefined;
afterEach(() => harness?.close());

const PROMPT = /learner@laptop:[^\n]*\$ $/;

/** sshd on 22 and a web server on 80 that serves one page. */
const PAGE_HEADERS: Record<string, string> = { Server: 'Apache/2.4.62 ()', 'Content-Type': 'text/html; charset=UTF-8' };
const WEB_SERVER: GuestServices = {
  listening: (_id, protocol, port) => protocol === 'tcp' && (port === 22 || port === 80),
  http: (_id, port, method, path) => {
    if (port !== 80) return undefined;
    if (path !== '/') return { status: 404, headers: { 'Content-Type': 'text/html' }, body: 'Not Found\n' };
    return { status: 200, headers: PAGE_HEADERS, body: method === 'HEAD' ? '' : '<h1>It works!</h1>\n' };
  },
};

function allow(h: ClientsHarness, groupId: string, protocol: string, port: number) {
  h.lab.ec2('AuthorizeSecurityGroupIngress', {
    GroupId: groupId,
    IpPermissions: [
      protocol === 'icmp'
        ? { IpProtocol: 'icmp', FromPort: -1, ToPort: -1, IpRanges: [{ CidrIp: `${h.laptopIp}/32` }] }
        : { IpProtocol: protocol, FromPort: port, ToPort: port, IpRanges: [{ CidrIp: `${h.laptopIp}/32` }] },
    ],
  });
}

async function ready(services?: GuestServices, boot = true) {
  harness = clientsHarness({ services });
  const instance = launchReachable(harness, { boot });
  await harness.waitFor(PROMPT);
  return { h: harness, ...instance };
}

describe('curl from the laptop', ROOM, () => {
  it('gets the page once port 80 is allowed, times out before, and is refused where nothing listens', async () => {
    const { h, publicIp, publicDns, groupId } = await ready(WEB_SERVER);
    let shown = await h.run(`curl -m 3 http://${publicIp}/; echo status=$?`);
    expect(shown).toContain('curl: (28) Connection timed out after 3001 milliseconds\n');
    expect(shown).toContain(`hint: security group ${groupId} has no inbound rule for tcp/80 from ${h.laptopIp}/32`);
    expect(shown).toContain('status=28');
    expect(h.waits).toEqual([3000]);
    allow(h, groupId, 'tcp', 80);
    expect(await h.run(`curl http://${publicDns}/`)).toContain('<h1>It works!</h1>\n');
    shown = await h.run(`curl -I http://${publicIp}/`);
    expect(shown).toContain('HTTP/1.1 200 OK\nServer: Apache/2.4.62 ()\nContent-Type: text/html; charset=UTF-8\n');
    shown = await h.run(`curl -v http://${publicIp}/missing`);
    expect(shown).toContain(
      `*   Trying ${publicIp}:80...\n* Connected to ${publicIp} (${publicIp}) port 80 (#0)\n> GET /missing HTTP/1.1\n`,
    );
    expect(shown).toContain('< HTTP/1.1 404 Not Found\n');
    allow(h, groupId, 'tcp', 8080);
    shown = await h.run(`curl http://${publicIp}:8080/; echo status=$?`);
    expect(shown).toMatch(
      new RegExp(
        `curl: \\(7\\) Failed to connect to ${publicIp.replaceAll('.', '\\.')} port 8080 after \\d+ ms: Couldn't connect to server\\n`,
      ),
    );
    expect(shown).toContain('status=7');
    shown = await h.run(`curl -s http://${publicIp}:8080/; echo status=$?`);
    expect(shown).not.toContain('curl: (7)');
    expect(shown).not.toContain('hint:');
    expect(shown).toContain('status=7');
    expect(await h.run('curl http://nowhere.example/')).toContain(
      'curl: (6) Could not resolve host: nowhere.example\n',
    );
  });

  it('meets sshd on port 22 as curl meets it', async () => {
    const { h, publicIp } = await ready();
    expect(await h.run(`curl http://${publicIp}:22/`)).toContain('curl: (1) Received HTTP/0.9 when not allowed\n');
  });
});

describe('ping from the laptop', ROOM, () => {
  it('gets no replies without an ICMP rule, and replies with one', async () => {
    const { h, publicIp, groupId } = await ready();
    let shown = await h.run(`ping -c 3 ${publicIp}; echo status=$?`);
    expect(shown).toContain(`PING ${publicIp} (${publicIp}) 56(84) bytes of data.\n`);
    expect(shown).not.toContain('bytes from');
    expect(shown).toMatch(/3 packets transmitted, 0 received, 100% packet loss, time \d+ms\n/);
    expect(shown).toContain('hint: security group');
    expect(shown).toContain('status=1');
    allow(h, groupId, 'icmp', -1);
    shown = await h.run(`ping -c 2 ${publicIp}; echo status=$?`);
    expect(shown).toMatch(
      new RegExp(`64 bytes from ${publicIp.replaceAll('.', '\\.')}: icmp_seq=1 ttl=115 time=\\d+\\.\\d ms\\n`),
    );
    expect(shown).toMatch(/icmp_seq=2 /);
    expect(shown).toMatch(
      /2 packets transmitted, 2 received, 0% packet loss, time \d+ms\nrtt min\/avg\/max\/mdev = [\d.]+\/[\d.]+\/[\d.]+\/[\d.]+ ms\n/,
    );
    expect(shown).toContain('status=0');
    expect(await h.run('ping nowhere.example')).toContain('ping: nowhere.example: Name or service not known\n');
  });

  it('keeps going until Ctrl-C, then prints its statistics', async () => {
    const { h, publicIp, groupId } = await ready();
    allow(h, groupId, 'icmp', -1);
    const from = h.screen().length;
    h.keys(`ping ${publicIp}\r`);
    await h.waitFor('icmp_seq=3 ', from);
    h.keys('\x03');
    const shown = await h.waitFor(PROMPT, from);
    expect(shown).toMatch(/\^C\n--- [\d.]+ ping statistics ---\n\d+ packets transmitted, \d+ received, 0% packet loss/);
  });
});

describe('nc -zv from the laptop', ROOM, () => {
  it('succeeds on 22, is refused where nothing listens, and times out where no rule allows', async () => {
    const { h, publicIp, groupId } = await ready();
    let shown = await h.run(`nc -zv ${publicIp} 22; echo status=$?`);
    expect(shown).toContain(`Connection to ${publicIp} 22 port [tcp/ssh] succeeded!\n`);
    expect(shown).toContain('status=0');
    allow(h, groupId, 'tcp', 80);
    shown = await h.run(`nc -zv ${publicIp} 80; echo status=$?`);
    expect(shown).toContain(`nc: connect to ${publicIp} port 80 (tcp) failed: Connection refused\n`);
    expect(shown).toContain('status=1');
    shown = await h.run(`nc -zv -w 2 ${publicIp} 443`);
    expect(shown).toContain(`nc: connect to ${publicIp} port 443 (tcp) timed out: Operation now in progress\n`);
    expect(h.waits).toEqual([2000]);
  });

  it('is refused on 22 while the instance boots', async () => {
    const { h, publicIp } = await ready(undefined, false);
    expect(await h.run(`nc -zv ${publicIp} 22`)).toContain(
      `nc: connect to ${publicIp} port 22 (tcp) failed: Connection refused\n`,
    );
  });
});
