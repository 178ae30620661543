// @vitest-environment happy-dom
/**
 * The Instance state menu's rule against the real engine: for every state an instance can be in and
 * every request, the menu offers the request exactly when the engine would carry it out (a new
 * state, or a reboot), and greys it out when the engine refuses it or it would change nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Instance } from '@aws-sdk/client-ec2';
import type { StateName } from '../../../shared/rules/instances';
import { createEngineLab, type EngineLab } from '../../testing/engine-lab';
import { menuAvailability, type MenuAction } from './instance-lifecycle';

const ACTIONS: MenuAction[] = ['start', 'stop', 'hibernate', 'reboot', 'terminate'];
const STATES: StateName[] = ['pending', 'running', 'stopping', 'stopped', 'shutting-down', 'terminated'];

/** Launches an instance enabled for hibernation and brings it into `state`. */
function instanceIn(lab: EngineLab, state: StateName, hibernation = true): Instance {
  const image = lab.quickStart('amazon-linux');
  const id = lab.launch(
    hibernation
      ? {
          HibernationOptions: { Configured: true },
          BlockDeviceMappings: [{ DeviceName: image.RootDeviceName, Ebs: { Encrypted: true, VolumeSize: 16 } }],
        }
      : {},
  ).InstanceId!;
  if (state === 'pending') return lab.instance(id);
  lab.waitFor(id, 'running');
  if (state === 'stopping' || state === 'stopped') lab.ec2('StopInstances', { InstanceIds: [id] });
  if (state === 'shutting-down' || state === 'terminated') lab.ec2('TerminateInstances', { InstanceIds: [id] });
  return lab.waitFor(id, state);
}

/** What the engine does with the request: 'changes', 'unchanged' or the refusal's error code. */
function engineAnswer(lab: EngineLab, action: MenuAction, id: string): string {
  const ids = { InstanceIds: [id] };
  try {
    if (action === 'reboot') {
      lab.ec2('RebootInstances', ids);
      return 'changes';
    }
    const result =
      action === 'start'
        ? lab.ec2('StartInstances', ids).StartingInstances
        : action === 'terminate'
          ? lab.ec2('TerminateInstances', ids).TerminatingInstances
          : lab.ec2('StopInstances', action === 'hibernate' ? { ...ids, Hibernate: true } : ids).StoppingInstances;
    const change = result?.[0];
    return change?.PreviousState?.Name === change?.CurrentState?.Name ? 'unchanged' : 'changes';
  } catch (error) {
    // The lab answers a refusal as "Code: message".
    return String(error instanceof Error ? error.message : error).split(':')[0]!;
  }
}

describe('Instance state menu rule', () => {
  for (const state of STATES) {
    it(`offers from ${state} exactly what the engine carries out`, () => {
      for (const action of ACTIONS) {
        const lab = createEngineLab();
        const instance = instanceIn(lab, state);
        const availability = menuAvailability(action, [instance]);
        const answer = engineAnswer(lab, action, instance.InstanceId!);
        const expected = availability.available
          ? 'changes'
          : availability.reason === 'unchanged'
            ? 'unchanged'
            : 'IncorrectInstanceState';
        expect(`${action} from ${state}: ${answer}`).toBe(`${action} from ${state}: ${expected}`);
      }
    });
  }

  it('greys out hibernate for an instance launched without hibernation, as the engine refuses it', () => {
    const lab = createEngineLab();
    const instance = instanceIn(lab, 'running', false);
    expect(menuAvailability('hibernate', [instance])).toMatchObject({
      available: false,
      reason: 'hibernation-not-configured',
    });
    expect(engineAnswer(lab, 'hibernate', instance.InstanceId!)).toBe('UnsupportedHibernationConfiguration');
  });

  it('greys out what stop and termination protection block, as the engine refuses it', () => {
    const lab = createEngineLab();
    const instance = instanceIn(lab, 'running');
    const id = instance.InstanceId!;
    lab.ec2('ModifyInstanceAttribute', { InstanceId: id, DisableApiTermination: { Value: true } });
    const protectedTermination = { [id]: { disableApiTermination: true, disableApiStop: false } };
    expect(menuAvailability('terminate', [instance], protectedTermination)).toMatchObject({
      reason: 'termination-protection',
    });
    expect(engineAnswer(lab, 'terminate', id)).toBe('OperationNotPermitted');
    expect(menuAvailability('stop', [instance], protectedTermination)).toEqual({ available: true });

    lab.ec2('ModifyInstanceAttribute', { InstanceId: id, DisableApiTermination: { Value: false } });
    lab.ec2('ModifyInstanceAttribute', { InstanceId: id, DisableApiStop: { Value: true } });
    const protectedStop = { [id]: { disableApiTermination: false, disableApiStop: true } };
    for (const action of ['stop', 'hibernate', 'terminate'] as const) {
      expect(menuAvailability(action, [instance], protectedStop)).toMatchObject({ reason: 'stop-protection' });
      expect(engineAnswer(lab, action, id)).toBe('OperationNotPermitted');
    }
    expect(menuAvailability('reboot', [instance], protectedStop)).toEqual({ available: true });
  });

  it('takes a selection as AWS takes the request: one refusal greys out the item, no-ops alone too', () => {
    const lab = createEngineLab();
    const running = instanceIn(lab, 'running');
    const stopped = instanceIn(lab, 'stopped');
    const terminated = instanceIn(lab, 'terminated');
    expect(menuAvailability('stop', [running, stopped])).toEqual({ available: true });
    expect(menuAvailability('stop', [stopped])).toMatchObject({ reason: 'unchanged', state: 'stopped' });
    expect(menuAvailability('stop', [running, terminated])).toMatchObject({
      reason: 'state',
      instanceId: terminated.InstanceId,
    });
    expect(engineAnswer(lab, 'stop', `${running.InstanceId}`)).toBe('changes');
    expect(menuAvailability('terminate', [terminated])).toMatchObject({ reason: 'unchanged' });
    expect(menuAvailability('start', [])).toEqual({ available: false, reason: 'nothing-selected' });
  });
});
