#!/usr/bin/env node
// Regenerates resources/catalog/*.json — the catalog the simulated EC2 engine serves — from the
// moto-derived EC2 data (default /work/shared/data/ec2, or the folder given as the first argument)
// plus the curated lists below. Run by hand (`npm exec -- node scripts/build-catalog.mjs`), never by
// tests or CI: the generated JSON is committed. See resources/catalog/README.md for sources.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE = path.resolve(process.argv[2] ?? '/work/shared/data/ec2');
const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../resources/catalog');

/**
 * The regions the lab offers — every commercial region in the source data — in the order AWS's console
 * region menu lists them (United States, Africa, Asia Pacific, Canada, Europe, Israel, Middle East, South
 * America), with the long names AWS gives them (SSM `/aws/service/global-infrastructure/regions/R/longName`;
 * `DescribeAvailabilityZones` derives `GroupLongName` from it).
 */
const REGION_LONG_NAMES = {
  'us-east-1': 'US East (N. Virginia)',
  'us-east-2': 'US East (Ohio)',
  'us-west-1': 'US West (N. California)',
  'us-west-2': 'US West (Oregon)',
  'af-south-1': 'Africa (Cape Town)',
  'ap-east-1': 'Asia Pacific (Hong Kong)',
  'ap-south-2': 'Asia Pacific (Hyderabad)',
  'ap-southeast-3': 'Asia Pacific (Jakarta)',
  'ap-southeast-5': 'Asia Pacific (Malaysia)',
  'ap-southeast-4': 'Asia Pacific (Melbourne)',
  'ap-south-1': 'Asia Pacific (Mumbai)',
  'ap-northeast-3': 'Asia Pacific (Osaka)',
  'ap-northeast-2': 'Asia Pacific (Seoul)',
  'ap-southeast-1': 'Asia Pacific (Singapore)',
  'ap-southeast-2': 'Asia Pacific (Sydney)',
  'ap-northeast-1': 'Asia Pacific (Tokyo)',
  'ca-central-1': 'Canada (Central)',
  'ca-west-1': 'Canada West (Calgary)',
  'eu-central-1': 'Europe (Frankfurt)',
  'eu-west-1': 'Europe (Ireland)',
  'eu-west-2': 'Europe (London)',
  'eu-south-1': 'Europe (Milan)',
  'eu-west-3': 'Europe (Paris)',
  'eu-south-2': 'Europe (Spain)',
  'eu-north-1': 'Europe (Stockholm)',
  'eu-central-2': 'Europe (Zurich)',
  'il-central-1': 'Israel (Tel Aviv)',
  'me-south-1': 'Middle East (Bahrain)',
  'me-central-1': 'Middle East (UAE)',
  'sa-east-1': 'South America (São Paulo)',
};
const REGIONS = Object.keys(REGION_LONG_NAMES);
/** Many learners are Korean: the lab opens in Seoul. */
const DEFAULT_REGION = 'ap-northeast-2';

/**
 * The regions AWS disables by default, which an account must opt in to (AWS Account Management Reference
 * Guide: manage-acct-regions, "Regions that are disabled by default"). The source data marks some of them
 * `not-opted-in` and others (af-south-1, ap-southeast-3, eu-south-1) `opt-in-not-required`, as the
 * account it was recorded with saw them; AWS's list decides here. The lab's account has opted in to all of
 * them, so scripts written for any region work: `DescribeRegions` lists them as `opted-in`.
 */
const OPT_IN_REGIONS = new Set([
  'af-south-1',
  'ap-east-1',
  'ap-south-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ca-west-1',
  'eu-central-2',
  'eu-south-1',
  'eu-south-2',
  'il-central-1',
  'me-central-1',
  'me-south-1',
]);

/**
 * Curated instance types, grouped as the console's families. Approximate on-demand Linux USD/hour per
 * region, in PRICED_REGIONS order, from AWS's public price pages as remembered for about mid-2025
 * (PRICES_AS_OF); null where the data says the type is offered nowhere in that region. Other regions are
 * priced from us-east-1's column by REGION_PRICE_FACTORS.
 * p3.2xlarge is not in the source data (its snapshot lists only p3dn.24xlarge of the P3 family), so
 * g6.xlarge stands in as the third GPU type.
 */
const PRICES_AS_OF = '2025-06-01';
/** The regions whose prices are curated type by type, in the column order of INSTANCE_TYPES. */
const PRICED_REGIONS = ['us-east-1', 'us-west-2', 'ap-northeast-2', 'ap-northeast-1', 'eu-west-1', 'eu-central-1'];
/**
 * For every other region, its prices are us-east-1's times this factor (rounded to 4 decimals): roughly
 * the ratio of the region's t3/m5 on-demand Linux prices to us-east-1's on AWS's price pages, remembered
 * for about mid-2025. Coarser than the curated columns; the UI labels every price approximate anyway.
 */
const REGION_PRICE_FACTORS = {
  'us-east-2': 1,
  'us-west-1': 1.19,
  'af-south-1': 1.31,
  'ap-east-1': 1.4,
  'ap-south-2': 1.08,
  'ap-southeast-3': 1.27,
  'ap-southeast-5': 1.15,
  'ap-southeast-4': 1.27,
  'ap-south-1': 1.08,
  'ap-northeast-3': 1.31,
  'ap-southeast-1': 1.27,
  'ap-southeast-2': 1.27,
  'ca-central-1': 1.11,
  'ca-west-1': 1.11,
  'eu-west-2': 1.14,
  'eu-south-1': 1.17,
  'eu-west-3': 1.14,
  'eu-south-2': 1.1,
  'eu-north-1': 1.04,
  'eu-central-2': 1.27,
  'il-central-1': 1.2,
  'me-south-1': 1.23,
  'me-central-1': 1.23,
  'sa-east-1': 1.62,
};
// prettier-ignore
const INSTANCE_TYPES = {
  // General purpose
  't2.nano':       [0.0058, 0.0058, 0.0072, 0.0076, 0.0063, 0.0067],
  't2.micro':      [0.0116, 0.0116, 0.0144, 0.0152, 0.0126, 0.0134],
  't2.small':      [0.023, 0.023, 0.0288, 0.0304, 0.025, 0.0268],
  't2.medium':     [0.0464, 0.0464, 0.0576, 0.0608, 0.05, 0.0536],
  't3.nano':       [0.0052, 0.0052, 0.0065, 0.0068, 0.0057, 0.006],
  't3.micro':      [0.0104, 0.0104, 0.013, 0.0136, 0.0114, 0.012],
  't3.small':      [0.0208, 0.0208, 0.026, 0.0272, 0.0228, 0.024],
  't3.medium':     [0.0416, 0.0416, 0.052, 0.0544, 0.0456, 0.048],
  't3.large':      [0.0832, 0.0832, 0.104, 0.1088, 0.0912, 0.096],
  't3.xlarge':     [0.1664, 0.1664, 0.208, 0.2176, 0.1824, 0.192],
  't3.2xlarge':    [0.3328, 0.3328, 0.416, 0.4352, 0.3648, 0.384],
  't3a.nano':      [0.0047, 0.0047, 0.0059, 0.0061, 0.0051, 0.0054],
  't3a.micro':     [0.0094, 0.0094, 0.0117, 0.0122, 0.0102, 0.0108],
  't3a.small':     [0.0188, 0.0188, 0.0234, 0.0245, 0.0204, 0.0216],
  't3a.medium':    [0.0376, 0.0376, 0.0468, 0.049, 0.0408, 0.0432],
  't4g.nano':      [0.0042, 0.0042, 0.0052, 0.0054, 0.0046, 0.0048],
  't4g.micro':     [0.0084, 0.0084, 0.0104, 0.0108, 0.0092, 0.0096],
  't4g.small':     [0.0168, 0.0168, 0.0208, 0.0216, 0.0184, 0.0192],
  't4g.medium':    [0.0336, 0.0336, 0.0416, 0.0432, 0.0368, 0.0384],
  't4g.large':     [0.0672, 0.0672, 0.0832, 0.0864, 0.0736, 0.0768],
  'm5.large':      [0.096, 0.096, 0.118, 0.124, 0.107, 0.115],
  'm5.xlarge':     [0.192, 0.192, 0.236, 0.248, 0.214, 0.23],
  'm5.2xlarge':    [0.384, 0.384, 0.472, 0.496, 0.428, 0.46],
  'm5d.large':     [0.113, 0.113, 0.139, 0.146, 0.126, 0.136],
  'm6i.large':     [0.096, 0.096, 0.118, 0.124, 0.107, 0.115],
  'm6a.large':     [0.0864, 0.0864, null, 0.1116, 0.0963, 0.1035],
  'm6g.large':     [0.077, 0.077, 0.094, 0.099, 0.086, 0.092],
  'm7g.large':     [0.0816, 0.0816, 0.0999, 0.1053, 0.0912, 0.0977],
  'm7i.large':     [0.1008, 0.1008, 0.1239, 0.1302, 0.1124, 0.1208],
  // Compute optimized
  'c5.large':      [0.085, 0.085, 0.096, 0.107, 0.096, 0.097],
  'c5.xlarge':     [0.17, 0.17, 0.192, 0.214, 0.192, 0.194],
  'c5d.large':     [0.096, 0.096, 0.11, 0.122, 0.109, 0.111],
  'c6g.large':     [0.068, 0.068, 0.077, 0.0856, 0.077, 0.0776],
  'c6i.large':     [0.085, 0.085, 0.096, 0.107, 0.096, 0.097],
  'c7g.large':     [0.0725, 0.0725, 0.0818, 0.0911, 0.0817, 0.0825],
  'c7i.large':     [0.0893, 0.0893, 0.1008, 0.1124, 0.1008, 0.1019],
  // Memory optimized
  'r5.large':      [0.126, 0.126, 0.152, 0.152, 0.141, 0.152],
  'r5d.large':     [0.144, 0.144, 0.174, 0.174, 0.16, 0.173],
  'r6g.large':     [0.1008, 0.1008, 0.1216, 0.1216, 0.1128, 0.1216],
  'r6i.large':     [0.126, 0.126, 0.152, 0.152, 0.141, 0.152],
  'r7g.large':     [0.1071, 0.1071, 0.1292, 0.1292, 0.1199, 0.1292],
  'r7i.large':     [0.1323, 0.1323, 0.1596, 0.1596, 0.1481, 0.1596],
  'x2gd.large':    [0.167, 0.167, null, null, 0.1853, null],
  // Accelerated computing
  'g4dn.xlarge':   [0.526, 0.526, 0.647, 0.71, 0.587, 0.658],
  'g5.xlarge':     [1.006, 1.006, 1.237, 1.459, 1.123, 1.258],
  'g6.xlarge':     [0.8048, 0.8048, 0.9899, 1.0462, null, 1.006],
  'inf2.xlarge':   [0.7582, 0.7582, 0.9326, 0.9857, 0.8341, 0.8936],
  // Storage optimized
  'i3.large':      [0.156, 0.156, 0.183, 0.183, 0.172, 0.186],
  'i3en.large':    [0.226, 0.226, 0.272, 0.272, 0.249, 0.27],
  'i4i.large':     [0.172, 0.172, 0.2058, 0.2058, 0.1896, 0.2064],
  'd3.xlarge':     [0.499, 0.499, null, 0.6, 0.5505, 0.5881],
  // macOS (dedicated hosts on AWS; the lab bills them like any instance)
  'mac1.metal':    [1.083, 1.083, 1.282, 1.282, 1.196, 1.271],
  'mac2.metal':    [0.65, 0.65, null, null, 0.715, null],
  'mac2-m2.metal': [0.878, 0.878, null, null, null, 1.0278],
  // Previous generation (AWS still describes and launches them where offered: EC2 User Guide,
  // "Previous generation instances"; prices from AWS's previous-generation price page)
  't1.micro':      [0.02, 0.02, null, 0.026, 0.02, null],
  'm1.small':      [0.044, 0.044, null, 0.061, 0.047, null],
  'm3.medium':     [0.067, 0.067, null, 0.096, 0.073, 0.079],
};

/**
 * The Quick Start AL2023 AMI is the one `/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-*`
 * points to; in moto's SSM data at the same commit (0af643a) that is the kernel-6.1 build in every region.
 */
const AL2023_NAME = /^al2023-ami-2023\.[\d.]+-kernel-6\.1-(x86_64|arm64)$/;

const AL2023_DESCRIPTION =
  'Amazon Linux 2023 is a modern, general purpose Linux-based OS that comes with 5 years of long term support. ' +
  'It is optimized for AWS and designed to provide a secure, stable and high-performance execution environment ' +
  'to develop and run your cloud applications.';

const debArch = (arch) => (arch === 'x86_64' ? 'amd64' : 'arm64');

/**
 * Quick Start images other than Amazon Linux. Their ids are not in the source data: each region gets a
 * stable generated id (see generatedId). Names follow each publisher's real naming scheme.
 */
const OTHER_IMAGES = [
  {
    Os: 'macos',
    archs: ['arm64_mac', 'x86_64_mac'],
    OwnerId: '100343932686',
    name: (arch) => `amzn-ec2-macos-14.7.6-20250616-${arch === 'arm64_mac' ? '193557-arm64' : '193606'}`,
    description: () => 'macOS Sonoma 14.7.6',
    created: '2025-06-16',
    Title: 'macOS Sonoma 14.7.6',
    Description:
      'The macOS Sonoma AMI is an EBS-backed, AWS-supported image. It includes the AWS Command Line Interface, ' +
      'Command Line Tools for Xcode, Amazon SSM Agent and Homebrew.',
    DefaultUser: 'ec2-user',
    FreeTierEligible: false,
    RootDeviceName: '/dev/sda1',
    RootVolumeSizeGiB: 100,
    PlatformDetails: 'Linux/UNIX',
    UsageOperation: 'RunInstances',
  },
  {
    Os: 'ubuntu',
    archs: ['x86_64', 'arm64'],
    OwnerId: '099720109477',
    name: (arch) => `ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-${debArch(arch)}-server-20250610`,
    description: (arch) => `Canonical, Ubuntu, 24.04, ${debArch(arch)} noble image`,
    created: '2025-06-10',
    Title: 'Ubuntu Server 24.04 LTS (HVM), SSD Volume Type',
    Description:
      'Ubuntu Server 24.04 LTS (HVM), EBS General Purpose (SSD) Volume Type. ' +
      'Support available from Canonical (http://www.ubuntu.com/cloud/services).',
    DefaultUser: 'ubuntu',
    FreeTierEligible: true,
    RootDeviceName: '/dev/sda1',
    RootVolumeSizeGiB: 8,
    PlatformDetails: 'Linux/UNIX',
    UsageOperation: 'RunInstances',
  },
  {
    Os: 'windows',
    archs: ['x86_64'],
    OwnerId: '801119661308',
    name: () => 'Windows_Server-2022-English-Full-Base-2025.06.11',
    description: () => 'Microsoft Windows Server 2022 Full Locale English AMI provided by Amazon',
    created: '2025-06-11',
    Title: 'Microsoft Windows Server 2022 Base',
    Description: 'Microsoft Windows 2022 Datacenter edition. [English]',
    DefaultUser: 'Administrator',
    FreeTierEligible: true,
    RootDeviceName: '/dev/sda1',
    RootVolumeSizeGiB: 30,
    PlatformDetails: 'Windows',
    UsageOperation: 'RunInstances:0002',
    Platform: 'windows',
  },
  {
    Os: 'rhel',
    archs: ['x86_64', 'arm64'],
    OwnerId: '309956199498',
    name: (arch) => `RHEL-9.6.0_HVM-20250512-${arch}-0-Hourly2-GP3`,
    description: () => 'Provided by Red Hat, Inc.',
    created: '2025-05-12',
    Title: 'Red Hat Enterprise Linux 9 (HVM), SSD Volume Type',
    Description: 'Red Hat Enterprise Linux version 9 (HVM), EBS General Purpose (SSD) Volume Type',
    DefaultUser: 'ec2-user',
    FreeTierEligible: true,
    RootDeviceName: '/dev/xvda',
    RootVolumeSizeGiB: 10,
    PlatformDetails: 'Red Hat Enterprise Linux',
    UsageOperation: 'RunInstances:0010',
  },
  {
    Os: 'suse',
    archs: ['x86_64', 'arm64'],
    OwnerId: '013907871322',
    name: (arch) => `suse-sles-15-sp6-v20250530-hvm-ssd-${arch}`,
    description: () => 'SUSE Linux Enterprise Server 15 SP6 (HVM, 64-bit, SSD-Backed)',
    created: '2025-05-30',
    Title: 'SUSE Linux Enterprise Server 15 SP6 (HVM), SSD Volume Type',
    Description: 'SUSE Linux Enterprise Server 15 Service Pack 6 (HVM), EBS General Purpose (SSD) Volume Type.',
    DefaultUser: 'ec2-user',
    FreeTierEligible: true,
    RootDeviceName: '/dev/xvda',
    RootVolumeSizeGiB: 10,
    PlatformDetails: 'SUSE Linux',
    UsageOperation: 'RunInstances:000g',
  },
  {
    Os: 'debian',
    archs: ['x86_64', 'arm64'],
    OwnerId: '136693071363',
    name: (arch) => `debian-12-${debArch(arch)}-20250610-2137`,
    description: () => 'Debian 12 (20250610-2137)',
    created: '2025-06-10',
    Title: 'Debian 12 (HVM), SSD Volume Type',
    Description:
      'Debian 12 (HVM), EBS General Purpose (SSD) Volume Type. Community developed free GNU/Linux distribution. ' +
      'https://www.debian.org/',
    DefaultUser: 'admin',
    FreeTierEligible: true,
    RootDeviceName: '/dev/sda1',
    RootVolumeSizeGiB: 8,
    PlatformDetails: 'Linux/UNIX',
    UsageOperation: 'RunInstances',
  },
];

/**
 * A few AWS Marketplace (third-party) AMIs: a vendor's software stack on a base OS, owned by the
 * `aws-marketplace` alias (account 679593333241) with a marketplace product code, as DescribeImages
 * reports them (EC2 User Guide: paid-amis, "Find a paid AMI"). The names follow each vendor's scheme;
 * the ids and product codes are generated. `Software` names the files the root volume starts with.
 * Offered in the lab's default region and us-east-1 only, which keeps the bundled catalog under its budget.
 */
const MARKETPLACE_REGIONS = [DEFAULT_REGION, 'us-east-1'];
const MARKETPLACE_OWNER_ID = '679593333241';
const MARKETPLACE_IMAGES = [
  {
    Os: 'debian',
    Software: 'wordpress',
    Vendor: 'Bitnami by Broadcom',
    archs: ['x86_64', 'arm64'],
    name: (arch) => `bitnami-wordpress-6.8.2-r05-debian-12-${debArch(arch)}`,
    description: () => 'Bitnami WordPress 6.8.2 on Debian 12',
    created: '2025-07-21',
    Title: 'WordPress Certified by Bitnami and Automattic',
    Description: 'WordPress with Apache, PHP and MariaDB; the password is in ~/bitnami_credentials.',
    DefaultUser: 'bitnami',
    FreeTierEligible: true,
    RootDeviceName: '/dev/xvda',
    RootVolumeSizeGiB: 10,
    PlatformDetails: 'Linux/UNIX',
    UsageOperation: 'RunInstances',
  },
  {
    Os: 'ubuntu',
    Software: 'nginx',
    Vendor: 'F5, Inc. (NGINX)',
    archs: ['x86_64'],
    name: () => 'nginx-open-source-1.28.0-ubuntu-24.04-amd64-20250702',
    description: () => 'NGINX Open Source 1.28.0 on Ubuntu Server 24.04 LTS',
    created: '2025-07-02',
    Title: 'NGINX Open Source on Ubuntu 24.04 LTS',
    Description: 'NGINX 1.28 web server and reverse proxy, serving its welcome page on port 80.',
    DefaultUser: 'ubuntu',
    FreeTierEligible: true,
    RootDeviceName: '/dev/sda1',
    RootVolumeSizeGiB: 8,
    PlatformDetails: 'Linux/UNIX',
    UsageOperation: 'RunInstances',
  },
];

// ---- helpers ------------------------------------------------------------------------------------

const readJson = (file) => JSON.parse(readFileSync(path.join(SOURCE, file), 'utf8'));
const hex = (seed, length) => createHash('sha256').update(seed).digest('hex').slice(0, length);

/**
 * A stable, plausible AMI id for an image the source data has no id for: AMI ids differ per region, and
 * today's 17-hex ids start with 0.
 */
const generatedId = (name, region) => `ami-0${hex(`${name}|${region}`, 16)}`;

/** A Marketplace product code: 25 lowercase letters and digits, stable per product. */
const productCode = (name) =>
  [...createHash('sha256').update(`product|${name}`).digest()]
    .slice(0, 25)
    .map((byte) => 'abcdefghijklmnopqrstuvwxyz0123456789'[byte % 36])
    .join('');

/** A plausible creation time on the image's build date (AWS reports milliseconds, UTC). */
function creationDate(day, seed) {
  const n = parseInt(hex(seed, 8), 16);
  const pad = (v) => String(v).padStart(2, '0');
  return `${day}T${pad(n % 24)}:${pad((n >>> 5) % 60)}:${pad((n >>> 11) % 60)}.000Z`;
}

/**
 * x86 Linux AMIs boot either way (uefi-preferred), Graviton only with UEFI; Mac hosts report legacy-bios
 * only (EC2 User Guide: ami-boot-mode).
 */
function bootMode(arch) {
  if (arch === 'arm64') return 'uefi';
  if (arch.endsWith('_mac')) return 'legacy-bios';
  return 'uefi-preferred';
}

/** AWS's DescribeImages shape plus the console's Quick Start entry. */
function catalogImage(region, spec) {
  const image = {
    ImageId: spec.ImageId,
    ImageLocation: `${spec.Vendor ? 'aws-marketplace' : 'amazon'}/${spec.Name}`,
    ImageType: 'machine',
    Public: true,
    OwnerId: spec.OwnerId,
    ImageOwnerAlias: spec.Vendor ? 'aws-marketplace' : 'amazon',
    ...(spec.Vendor
      ? { ProductCodes: [{ ProductCodeId: productCode(spec.Name), ProductCodeType: 'marketplace' }] }
      : {}),
    Name: spec.Name,
    Description: spec.ImageDescription,
    Architecture: spec.Architecture,
    CreationDate: spec.CreationDate,
    ...(spec.Platform ? { Platform: spec.Platform } : {}),
    PlatformDetails: spec.PlatformDetails,
    UsageOperation: spec.UsageOperation,
    RootDeviceName: spec.RootDeviceName,
    RootDeviceType: 'ebs',
    BlockDeviceMappings: [
      {
        DeviceName: spec.RootDeviceName,
        Ebs: {
          SnapshotId: `snap-0${hex(`${spec.ImageId}|${region}|root`, 16)}`,
          VolumeSize: spec.RootVolumeSizeGiB,
          VolumeType: 'gp3',
          DeleteOnTermination: true,
          Encrypted: false,
        },
      },
    ],
    VirtualizationType: 'hvm',
    Hypervisor: 'xen',
    EnaSupport: true,
    SriovNetSupport: 'simple',
    BootMode: bootMode(spec.Architecture),
    ...(spec.ImdsSupport ? { ImdsSupport: spec.ImdsSupport } : {}),
    State: 'available',
  };
  const quickStart = {
    ImageId: spec.ImageId,
    Os: spec.Os,
    Title: spec.Title,
    Description: spec.Description,
    Architecture: spec.Architecture,
    DefaultUser: spec.DefaultUser,
    FreeTierEligible: spec.FreeTierEligible,
    RootDeviceName: spec.RootDeviceName,
    RootVolumeSizeGiB: spec.RootVolumeSizeGiB,
    ...(spec.Vendor ? { Vendor: spec.Vendor, Software: spec.Software } : {}),
  };
  return { image, quickStart };
}

function fail(message) {
  throw new Error(`build-catalog: ${message}`);
}

// ---- build --------------------------------------------------------------------------------------

function buildRegions() {
  const all = readJson('regions.json');
  const missing = Object.keys(all).filter((name) => !REGIONS.includes(name));
  if (missing.length > 0) fail(`regions in the data but not in REGION_LONG_NAMES: ${missing.join(', ')}`);
  return REGIONS.map((name) => {
    const region = all[name] ?? fail(`region ${name} is not in regions.json`);
    return {
      RegionName: name,
      LongName: REGION_LONG_NAMES[name],
      Endpoint: region.Endpoint,
      OptInStatus: OPT_IN_REGIONS.has(name) ? 'opted-in' : 'opt-in-not-required',
      Zones: region.Zones.map((zone) => ({ ZoneName: zone.ZoneName, ZoneId: zone.ZoneId })),
    };
  });
}

function buildInstanceTypes() {
  const all = readJson('instance-types.json');
  return Object.keys(INSTANCE_TYPES).map((name) => all[name] ?? fail(`instance type ${name} is not in the data`));
}

function buildOfferings(regions) {
  const curated = Object.keys(INSTANCE_TYPES);
  const offerings = {};
  for (const region of regions) {
    const offered = new Set(
      readJson(`offerings-by-az/${region.RegionName}.json`).map((o) => `${o.Location}|${o.InstanceType}`),
    );
    offerings[region.RegionName] = Object.fromEntries(
      region.Zones.map((zone) => [zone.ZoneName, curated.filter((type) => offered.has(`${zone.ZoneName}|${type}`))]),
    );
  }
  return offerings;
}

/** A type's approximate price in a region: curated for PRICED_REGIONS, scaled from us-east-1 elsewhere. */
function priceOf(type, region) {
  const curated = PRICED_REGIONS.indexOf(region);
  if (curated >= 0) return INSTANCE_TYPES[type][curated];
  const factor = REGION_PRICE_FACTORS[region] ?? fail(`no price factor for ${region}`);
  return Math.round(INSTANCE_TYPES[type][0] * factor * 10_000) / 10_000;
}

function buildPrices(offerings) {
  const prices = {};
  for (const region of REGIONS) {
    const offered = new Set(Object.values(offerings[region]).flat());
    prices[region] = {
      Region: region,
      AsOf: PRICES_AS_OF,
      Approximate: true,
      Prices: Object.keys(INSTANCE_TYPES)
        .filter((type) => offered.has(type))
        .map((type) => ({
          InstanceType: type,
          UsdPerHour: priceOf(type, region) ?? fail(`no ${region} price for ${type}, which is offered there`),
        })),
    };
  }
  return prices;
}

function amazonLinuxImages(region) {
  const latest = readJson(`latest-amis/${region}.json`);
  return ['x86_64', 'arm64'].map((arch) => {
    const found = latest.filter((ami) => AL2023_NAME.test(ami.name) && ami.architecture === arch);
    if (found.length !== 1) fail(`expected one AL2023 ${arch} AMI in ${region}, found ${found.length}`);
    const ami = found[0];
    const day = ami.name.match(/\.(\d{4})(\d{2})(\d{2})\./) ?? fail(`no build date in ${ami.name}`);
    return catalogImage(region, {
      ImageId: ami.ami_id,
      Name: ami.name,
      ImageDescription: ami.description,
      OwnerId: ami.owner_id,
      Architecture: arch,
      CreationDate: creationDate(`${day[1]}-${day[2]}-${day[3]}`, ami.name),
      Os: 'amazon-linux',
      Title: 'Amazon Linux 2023 kernel-6.1 AMI',
      Description: AL2023_DESCRIPTION,
      DefaultUser: 'ec2-user',
      FreeTierEligible: true,
      RootDeviceName: ami.root_device_name,
      RootVolumeSizeGiB: 8,
      PlatformDetails: 'Linux/UNIX',
      UsageOperation: 'RunInstances',
      // AL2023 AMIs require IMDSv2 (Amazon Linux 2023 User Guide: ec2-imds).
      ImdsSupport: 'v2.0',
    });
  });
}

function buildImages(instanceTypes, offerings) {
  const archOf = new Map(instanceTypes.map((t) => [t.InstanceType, t.ProcessorInfo.SupportedArchitectures]));
  const images = {};
  for (const region of REGIONS) {
    const offeredArchs = new Set(
      Object.values(offerings[region])
        .flat()
        .flatMap((type) => archOf.get(type)),
    );
    images[region] = amazonLinuxImages(region);
    for (const os of OTHER_IMAGES) {
      // A region lists an image only where some curated type can run it (no Apple silicon host in Seoul).
      for (const arch of os.archs.filter((a) => offeredArchs.has(a))) {
        const name = os.name(arch);
        images[region].push(
          catalogImage(region, {
            ...os,
            ImageId: generatedId(name, region),
            Name: name,
            ImageDescription: os.description(arch),
            Architecture: arch,
            CreationDate: creationDate(os.created, `${name}|${region}`),
          }),
        );
      }
    }
    for (const product of MARKETPLACE_REGIONS.includes(region) ? MARKETPLACE_IMAGES : []) {
      for (const arch of product.archs.filter((a) => offeredArchs.has(a))) {
        const name = product.name(arch);
        images[region].push(
          catalogImage(region, {
            ...product,
            OwnerId: MARKETPLACE_OWNER_ID,
            ImageId: generatedId(name, region),
            Name: name,
            ImageDescription: product.description(arch),
            Architecture: arch,
            CreationDate: creationDate(product.created, `${name}|${region}`),
          }),
        );
      }
    }
  }
  return images;
}

function write(file, value) {
  writeFileSync(path.join(OUT, file), `${JSON.stringify(value, null, 2)}\n`);
}

const regions = buildRegions();
if (!REGIONS.includes(DEFAULT_REGION)) fail(`default region ${DEFAULT_REGION} is not offered`);
const instanceTypes = buildInstanceTypes();
const offerings = buildOfferings(regions);
const unoffered = Object.keys(INSTANCE_TYPES).filter(
  (type) => !REGIONS.some((r) => Object.values(offerings[r]).some((types) => types.includes(type))),
);
if (unoffered.length > 0) fail(`curated types offered in no lab region: ${unoffered.join(', ')}`);

mkdirSync(OUT, { recursive: true });
write('regions.json', { defaultRegion: DEFAULT_REGION, regions });
write('instance-types.json', instanceTypes);
write('offerings.json', offerings);
write('images.json', buildImages(instanceTypes, offerings));
write('prices.json', buildPrices(offerings));
// The data's licence travels with it (Apache-2.0 §4); written, not copied, so the source's read-only mode stays behind.
writeFileSync(
  path.join(OUT, 'LICENSE-moto-Apache-2.0.txt'),
  readFileSync(path.join(SOURCE, 'LICENSE-moto-Apache-2.0.txt')),
);
console.log(`build-catalog: wrote ${OUT} (${instanceTypes.length} instance types, ${regions.length} regions)`);
