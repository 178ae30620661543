import type { DescribeInstancesResult } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { findOperation, resolveShape } from '../common/ec2-model';
import { serializeOutput } from './xml-output-serializer';

const serialize = (action: string, output: unknown) =>
  serializeOutput(action, findOperation(action)!.output, output, 'req-1');

describe('SDK-shaped output → EC2 XML, from the real model', () => {
  it('writes a DescribeInstances result as EC2 does: locationNames, item lists, lowercase booleans, ms timestamps', () => {
    const result: DescribeInstancesResult = {
      Reservations: [
        {
          ReservationId: 'r-0123456789abcdef0',
          OwnerId: '123456789012',
          Groups: [],
          Instances: [
            {
              InstanceId: 'i-0123456789abcdef0',
              ImageId: 'ami-0123456789abcdef0',
              State: { Code: 16, Name: 'running' },
              InstanceType: 't3.micro',
              LaunchTime: new Date(Date.UTC(2026, 10, 25, 18, 22, 18)),
              EbsOptimized: false,
              PublicIpAddress: '54.180.1.2',
              Tags: [{ Key: 'Name', Value: 'web & <db> "1"' }],
            },
          ],
        },
      ],
    };
    expect(serialize('DescribeInstances', result)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">' +
        '<requestId>req-1</requestId>' +
        '<reservationSet><item>' +
        '<groupSet/>' +
        '<instancesSet><item>' +
        '<imageId>ami-0123456789abcdef0</imageId>' +
        '<instanceId>i-0123456789abcdef0</instanceId>' +
        '<instanceType>t3.micro</instanceType>' +
        '<launchTime>2026-11-25T18:22:18.000Z</launchTime>' +
        '<ipAddress>54.180.1.2</ipAddress>' +
        '<instanceState><code>16</code><name>running</name></instanceState>' +
        '<ebsOptimized>false</ebsOptimized>' +
        '<tagSet><item><key>Name</key><value>web &amp; &lt;db&gt; &quot;1&quot;</value></item></tagSet>' +
        '</item></instancesSet>' +
        '<ownerId>123456789012</ownerId>' +
        '<reservationId>r-0123456789abcdef0</reservationId>' +
        '</item></reservationSet>' +
        '</DescribeInstancesResponse>',
    );
  });

  it('writes RunInstances output (a Reservation) at the top level, as EC2 does', () => {
    const xml = serialize('RunInstances', {
      ReservationId: 'r-1',
      Instances: [{ InstanceId: 'i-1', AmiLaunchIndex: 0, State: { Code: 0, Name: 'pending' } }],
    });
    expect(xml).toContain(
      '<RunInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>req-1</requestId>' +
        '<instancesSet><item><amiLaunchIndex>0</amiLaunchIndex><instanceId>i-1</instanceId>' +
        '<instanceState><code>0</code><name>pending</name></instanceState></item></instancesSet>' +
        '<reservationId>r-1</reservationId></RunInstancesResponse>',
    );
  });

  it('answers <return>true</return> for operations without output, and leaves out members the model lacks', () => {
    expect(serialize('RebootInstances', {})).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<RebootInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">' +
        '<requestId>req-1</requestId><return>true</return></RebootInstancesResponse>',
    );
    expect(serialize('DescribeRegions', { Regions: [{ RegionName: 'us-east-1', Internal: 'secret' }] })).not.toContain(
      'secret',
    );
  });

  it('keeps any text well-formed: control characters and lone surrogates become U+FFFD, CR survives', () => {
    const xml = serialize('DescribeTags', { Tags: [{ Key: 'k', Value: 'a\u0001b\ud800c\r\nd' }] });
    expect(xml).toContain('<value>a\ufffdb\ufffdc&#13;\nd</value>');
  });

  it('writes maps as <entry><key/><value/></entry> (the EC2 model has none; a synthetic shape)', () => {
    const shape = resolveShape({
      type: 'structure',
      members: { Labels: { type: 'map', locationName: 'labelSet', key: {}, value: { type: 'integer' } } },
    } as never);
    expect(serializeOutput('X', shape, { Labels: { a: 1, 'b&': 2 } }, 'r')).toContain(
      '<labelSet><entry><key>a</key><value>1</value></entry><entry><key>b&amp;</key><value>2</value></entry></labelSet>',
    );
  });

  it('writes a frozen structure as it writes the same data unfrozen, and keeps writing it so', () => {
    const instance = () => ({
      InstanceId: 'i-1',
      State: { Code: 16, Name: 'running' as const },
      Tags: [{ Key: 'Name', Value: 'a & b' }],
    });
    const frozen = Object.freeze({ ...instance(), State: Object.freeze(instance().State) });
    const plain = serialize('DescribeInstances', { Reservations: [{ Instances: [instance()] }] });
    expect(serialize('DescribeInstances', { Reservations: [{ Instances: [frozen] }] })).toBe(plain);
    expect(serialize('DescribeInstances', { Reservations: [{ Instances: [frozen, frozen] }] })).toBe(
      serialize('DescribeInstances', { Reservations: [{ Instances: [instance(), instance()] }] }),
    );
  });
});
