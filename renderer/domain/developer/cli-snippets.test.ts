import { describe, expect, it } from 'vitest';
import { createEngineLab } from '../../testing/engine-lab';
import {
  amazonLinux2023,
  configureTranscript,
  environmentExport,
  exampleCommands,
  hideSecret,
  maskSecret,
} from './cli-snippets';

const values = {
  endpoint: 'http://127.0.0.1:4566/',
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  region: 'us-east-1',
};

describe('CLI snippets', () => {
  it("answers aws configure's four questions", () => {
    expect(configureTranscript(values).split('\n')).toEqual([
      '$ aws configure',
      'AWS Access Key ID [None]: AKIAIOSFODNN7EXAMPLE',
      'AWS Secret Access Key [None]: wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      'Default region name [None]: us-east-1',
      'Default output format [None]: json',
    ]);
  });

  it('quotes environment values a shell would split', () => {
    expect(environmentExport(values)).toBe(
      'export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY AWS_DEFAULT_REGION=us-east-1',
    );
    expect(environmentExport({ ...values, accessKeyId: 'my key', secretAccessKey: "it's" })).toBe(
      `export AWS_ACCESS_KEY_ID='my key' AWS_SECRET_ACCESS_KEY='it'\\''s' AWS_DEFAULT_REGION=us-east-1`,
    );
  });

  it('masks a secret wherever a snippet shows it, quoted or not', () => {
    expect(maskSecret('abc')).toBe('••••••••');
    expect(maskSecret('x'.repeat(40))).toBe('•'.repeat(40));
    const quoted = { ...values, secretAccessKey: "it's secret" };
    const masked = hideSecret(environmentExport(quoted), quoted.secretAccessKey);
    expect(masked).toBe(
      'export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=••••••••••• AWS_DEFAULT_REGION=us-east-1',
    );
    expect(hideSecret(configureTranscript(values), values.secretAccessKey)).not.toContain(values.secretAccessKey);
  });

  it('launches the x86_64 Amazon Linux 2023 AMI, since t3.micro runs x86_64', () => {
    const lab = createEngineLab();
    const quickStart = lab.lab('DescribeQuickStartImages', { Region: lab.region }).Images;
    const x86 = lab.quickStart('amazon-linux', 'x86_64').ImageId;
    expect(quickStart.some((image) => image.Os === 'amazon-linux' && image.Architecture === 'arm64')).toBe(true);
    expect(amazonLinux2023(quickStart)?.ImageId).toBe(x86);
    expect(amazonLinux2023([...quickStart].reverse())?.ImageId).toBe(x86);
    expect(amazonLinux2023(quickStart.filter((image) => image.Os !== 'amazon-linux'))).toBeUndefined();
    expect(
      exampleCommands(values.endpoint, 'ami-0a1b2c3d4e5f60718', 'i-1234567890abcdef0').map((e) => e.command),
    ).toEqual([
      'aws --endpoint-url http://127.0.0.1:4566/ ec2 describe-instances',
      'aws --endpoint-url http://127.0.0.1:4566/ ec2 run-instances --image-id ami-0a1b2c3d4e5f60718 --instance-type t3.micro --count 1',
      'aws --endpoint-url http://127.0.0.1:4566/ ec2 wait instance-running --instance-ids i-1234567890abcdef0',
    ]);
  });
});
