/**
 * What an instance's kernel says of itself: `uname` (the kernel each AMI ships, the architecture of
 * the instance type), the CPUs and memory of its type (`nproc`, `free`, /proc/cpuinfo, /proc/meminfo),
 * uptime and load average from the guest runtime's boot time and load jobs.
 */
import type { QuickStartOs } from '../../../shared/lab-operations';
import type { GuestLoad, GuestView } from '../shell-engine';

/** The kernel release and version string each OS image boots (uname -r, uname -v). */
export function kernelOf(os: QuickStartOs, arm: boolean): { release: string; version: string } {
  const machine = arm ? 'aarch64' : 'x86_64';
  switch (os) {
    case 'ubuntu':
      return { release: '6.8.0-1016-aws', version: '#17-Ubuntu SMP Mon Sep  2 13:48:07 UTC 2024' };
    case 'debian':
      return {
        release: arm ? '6.1.0-25-cloud-arm64' : '6.1.0-25-cloud-amd64',
        version: '#1 SMP PREEMPT_DYNAMIC Debian 6.1.106-3 (2024-08-26)',
      };
    case 'rhel':
      return {
        release: `5.14.0-427.13.1.el9_4.${machine}`,
        version: '#1 SMP PREEMPT_DYNAMIC Wed Apr 10 10:29:16 EDT 2024',
      };
    case 'suse':
      return {
        release: '6.4.0-150600.23.25-default',
        version: '#1 SMP PREEMPT_DYNAMIC Wed Oct  9 14:37:37 UTC 2024 (83cd1e7)',
      };
    default:
      return {
        release: `6.1.112-124.190.amzn2023.${machine}`,
        version: '#1 SMP PREEMPT_DYNAMIC Tue Oct  1 20:32:15 UTC 2024',
      };
  }
}

export const isArm = (view: Pick<GuestView, 'architecture'>) => view.architecture === 'arm64';

/** Memory the kernel reserves for itself: `free` shows a little less than the type's memory. */
export function memoryKiB(view: GuestView): {
  total: number;
  used: number;
  free: number;
  cache: number;
  available: number;
} {
  const total = Math.round(view.memoryMiB * 1024 * 0.93);
  const used = Math.min(total, 170 * 1024 + view.loads.length * 1024);
  const cache = Math.min(total - used, Math.round(total * 0.2));
  const free = total - used - cache;
  return { total, used, free, cache, available: free + Math.round(cache * 0.8) };
}

export function uptimeSeconds(view: GuestView): number {
  return view.bootedAt === undefined ? 0 : Math.max(0, (view.now - view.bootedAt) / 1000);
}

/** Load averages over 1, 5 and 15 minutes from how long each job has kept its CPUs busy. */
export function loadAverages(view: GuestView): [number, number, number] {
  const over = (seconds: number) =>
    view.loads.reduce(
      (sum: number, load: GuestLoad) =>
        sum + load.cpus * (1 - Math.exp(-Math.max(0, view.now - load.startedAt) / 1000 / seconds)),
      0,
    );
  return [over(60), over(300), over(900)];
}

const clock = (at: number) => new Date(at).toISOString().slice(11, 19);

/** `up 5 min`, `up  1:05`, `up 2 days,  3:04` as procps prints it. */
export function upFor(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const dayPart = days ? `${days} day${days === 1 ? '' : 's'}, ` : '';
  return hours ? `${dayPart}${String(hours).padStart(2)}:${String(rest).padStart(2, '0')}` : `${dayPart}${rest} min`;
}

/** `uptime -p`: `up 1 hour, 5 minutes`. */
export function prettyUptime(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const parts: string[] = [];
  const add = (value: number, unit: string) => {
    if (value > 0) parts.push(`${value} ${unit}${value === 1 ? '' : 's'}`);
  };
  add(Math.floor(minutes / 1440), 'day');
  add(Math.floor((minutes % 1440) / 60), 'hour');
  if (minutes % 60 > 0 || parts.length === 0) parts.push(`${minutes % 60} minute${minutes % 60 === 1 ? '' : 's'}`);
  return `up ${parts.join(', ')}`;
}

export function uptimeLine(view: GuestView): string {
  const [one, five, fifteen] = loadAverages(view).map((n) => n.toFixed(2));
  return ` ${clock(view.now)} up ${upFor(uptimeSeconds(view))},  1 user,  load average: ${one}, ${five}, ${fifteen}`;
}

export function cpuinfo(view: GuestView): string {
  const blocks: string[] = [];
  for (let cpu = 0; cpu < view.vcpus; cpu++) {
    if (isArm(view)) {
      blocks.push(
        `processor\t: ${cpu}\nBogoMIPS\t: 243.75\nFeatures\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm lrcpc dcpop asimddp ssbs\nCPU implementer\t: 0x41\nCPU architecture: 8\nCPU variant\t: 0x3\nCPU part\t: 0xd0c\nCPU revision\t: 1\n`,
      );
    } else {
      blocks.push(
        `processor\t: ${cpu}\nvendor_id\t: GenuineIntel\ncpu family\t: 6\nmodel\t\t: 85\nmodel name\t: Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz\nstepping\t: 7\ncpu MHz\t\t: 2499.998\ncache size\t: 36608 KB\nphysical id\t: 0\nsiblings\t: ${view.vcpus}\ncore id\t\t: ${Math.floor(cpu / 2)}\ncpu cores\t: ${Math.max(1, view.vcpus / 2)}\nflags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ss ht syscall nx pdpe1gb rdtscp lm constant_tsc rep_good nopl xtopology nonstop_tsc cpuid aperfmperf tsc_known_freq pni pclmulqdq ssse3 fma cx16 pcid sse4_1 sse4_2 x2apic movbe popcnt tsc_deadline_timer aes xsave avx f16c rdrand hypervisor lahf_lm abm 3dnowprefetch invpcid_single pti fsgsbase tsc_adjust bmi1 avx2 smep bmi2 erms invpcid mpx avx512f avx512dq rdseed adx smap clflushopt clwb avx512cd avx512bw avx512vl xsaveopt xsavec xgetbv1 xsaves ida arat pku ospke\nbogomips\t: 4999.99\naddress sizes\t: 46 bits physical, 48 bits virtual\n`,
      );
    }
  }
  return blocks.join('\n');
}

export function meminfo(view: GuestView): string {
  const memory = memoryKiB(view);
  const line = (name: string, kib: number) => `${`${name}:`.padEnd(16)}${String(kib).padStart(8)} kB`;
  return [
    line('MemTotal', memory.total),
    line('MemFree', memory.free),
    line('MemAvailable', memory.available),
    line('Buffers', Math.round(memory.cache * 0.05)),
    line('Cached', Math.round(memory.cache * 0.9)),
    line('SwapCached', 0),
    line('SwapTotal', 0),
    line('SwapFree', 0),
    '',
  ].join('\n');
}
