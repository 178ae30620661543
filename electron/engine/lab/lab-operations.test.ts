import { describe, expect, it } from 'vitest';
import { TIMINGS } from '../instances/lifecycle';
import { CURRENT_SCHEMA_VERSION } from '../state/schema';
import { createTestLab } from '../test-support/test-lab';

describe('lab operations', () => {
  it('reports status with the default region and schema version', () => {
    const status = createTestLab().lab('GetStatus', {});
    expect(status).toMatchObject({
      defaultRegion: 'ap-northeast-2',
      schemaVersion: CURRENT_SCHEMA_VERSION,
      notices: [],
    });
  });

  it('validates clock speed and clock jumps', () => {
    const lab = createTestLab();
    expect(lab.labError('SetClockSpeed', { speed: 7 as never }).code).toBe('InvalidParameterValue');
    expect(lab.labError('AdvanceClock', { milliseconds: -5 }).code).toBe('InvalidParameterValue');
    const before = lab.lab('GetClock', {}).now;
    expect(lab.lab('AdvanceClock', { milliseconds: 60_000 }).now).toBe(before + 60_000);
  });

  it('lists Quick Start images with their login users and prices for the region', () => {
    const lab = createTestLab();
    const images = lab.lab('DescribeQuickStartImages', { Region: 'ap-northeast-2' }).Images;
    expect(images.find((i) => i.Os === 'ubuntu')!.DefaultUser).toBe('ubuntu');
    expect(images.find((i) => i.Os === 'debian')!.DefaultUser).toBe('admin');
    expect(images.find((i) => i.Os === 'amazon-linux')!.DefaultUser).toBe('ec2-user');
    const prices = lab.lab('DescribePrices', { Region: 'ap-northeast-2' });
    expect(prices.Approximate).toBe(true);
    expect(prices.Prices.find((p) => p.InstanceType === 't3.micro')!.UsdPerHour).toBeGreaterThan(0);
    expect(lab.labError('DescribePrices', { Region: 'moon-1' }).code).toBe('InvalidRegion');
  });

  it('exports, resets and imports the whole lab', () => {
    const lab = createTestLab();
    const id = lab.launch();
    lab.pass(TIMINGS.pendingMs);
    const exported = lab.lab('ExportLab', {});
    expect(exported.fileName).toMatch(/^ec2-lab-\d{8}T\d{6}\.json$/);

    const reset = lab.lab('ResetLab', {});
    expect(reset.notices.map((n) => n.code)).toEqual(['StateReset']);
    expect(lab.ec2('DescribeInstances', {}).Reservations).toEqual([]);
    expect(lab.ec2('DescribeVpcs', {}).Vpcs).toHaveLength(1);

    const imported = lab.lab('ImportLab', { content: exported.content });
    expect(imported.notices.map((n) => n.code)).toContain('StateImported');
    expect(lab.stateOf(id)).toBe('running');
  });

  it('refuses a bad lab file and keeps the current lab', () => {
    const lab = createTestLab();
    const id = lab.launch();
    expect(lab.labError('ImportLab', { content: 'not json' })).toEqual({
      code: 'InvalidLabFile',
      message: 'The file is not an EC2 Lab export: it is not valid JSON.',
    });
    const exported = JSON.parse(lab.lab('ExportLab', {}).content) as {
      records: { collection: string; data: { state?: string } }[];
    };
    exported.records.find((r) => r.collection === 'instances')!.data.state = 'exploded';
    expect(lab.labError('ImportLab', { content: JSON.stringify(exported) }).message).toContain("invalid 'state'");
    expect(lab.stateOf(id)).toBe('pending');
  });
});
