/**
 * The instances table's rows as they read: each cell's text (the state and status check worded as
 * StateBadge and StatusCheckText word them) and its font class (fontClassOf). A row is made once per
 * instance, status and language and kept while those stay the same objects, so its InstanceTableRow
 * renders again only when one of them changes. The words come from vue-i18n once per
 * language: a table of 5,000 instances mounts a dozen rows on every scroll frame, and asking for the
 * same few messages each time (and mounting two components per row to do it) was most of the script
 * such a frame ran.
 */
import { computed } from 'vue';
import type { Instance, InstanceStatus } from '@aws-sdk/client-ec2';
import { useLabI18n } from '../i18n/use-lab-i18n';
import {
  INSTANCE_STATES,
  TRANSITIONAL_STATES,
  instanceName,
  summarizeStatusChecks,
} from '../domain/instances/instance-lifecycle';
import { fontClassOf } from '../domain/latin-text';
import { useFormat } from './useFormat';

/** A cell's text and its font class (`text-latin` when the Korean font can draw none of it). */
export interface Cell {
  text: string;
  font: string | undefined;
}

/** A cell drawn inside a span with these classes (the state badge, the status check). */
export interface StyledCell extends Cell {
  classes: (string | Record<string, boolean>)[];
}

export interface InstanceRow {
  id: string;
  name: Cell;
  instanceId: Cell;
  state: StyledCell;
  type: Cell;
  status: StyledCell;
  zone: Cell;
  publicIp: Cell;
  privateIp: Cell;
  keyName: Cell;
  launchTime: Cell;
}

const cell = (text: string): Cell => ({ text, font: fontClassOf(text) });
/** An absent value shows as a dash. */
const valueOr = (text: string | undefined): Cell => cell(text ?? '–');

export function useInstanceRows() {
  const { t, locale } = useLabI18n();
  const { dateTime } = useFormat();

  /** Everything that depends only on the language; made again when it changes. */
  const words = computed(() => {
    // Read so the words are made again in the new language.
    void locale.value;
    return {
      states: new Map(INSTANCE_STATES.map((state) => [state, t(`states.${state}`)])),
      initializing: t('statusCheck.initializing'),
      insufficientData: t('statusCheck.insufficientData'),
      checked: new Map<string, string>(),
      selectLabels: new Map<string, string>(),
      rows: new WeakMap<Instance, { status: InstanceStatus | undefined; row: InstanceRow }>(),
    };
  });

  function stateCell(instance: Instance): StyledCell {
    const state = instance.State?.Name;
    const text = state ? (words.value.states.get(state) ?? t(`states.${state}`)) : '–';
    const busy = !!state && TRANSITIONAL_STATES.includes(state);
    return {
      ...cell(text),
      classes: ['state-badge', `state-badge--${state ?? 'unknown'}`, { 'state-badge--busy': busy }],
    };
  }

  function statusCell(instance: Instance, status: InstanceStatus | undefined): StyledCell {
    const summary = summarizeStatusChecks(instance, status);
    if (summary.kind === 'none') return { ...cell('–'), classes: [] };
    if (summary.kind === 'initializing') {
      return { ...cell(words.value.initializing), classes: ['status-check', 'status-check--pending'] };
    }
    if (summary.kind === 'insufficient-data')
      return { ...cell(words.value.insufficientData), classes: ['status-check'] };
    const key = `${summary.passed}/${summary.total}`;
    let text = words.value.checked.get(key);
    if (text === undefined) {
      text = t('statusCheck.checked', { passed: summary.passed, total: summary.total });
      words.value.checked.set(key, text);
    }
    const outcome = summary.passed === summary.total ? 'status-check--ok' : 'status-check--failed';
    return { ...cell(text), classes: ['status-check', outcome] };
  }

  /** The row of `instance` with `status`: the same object as last time if neither changed. */
  function rowOf(instance: Instance, status: InstanceStatus | undefined): InstanceRow {
    const kept = words.value.rows.get(instance);
    if (kept && kept.status === status) return kept.row;
    const row: InstanceRow = {
      id: instance.InstanceId ?? '',
      name: cell(instanceName(instance) || '–'),
      instanceId: cell(instance.InstanceId ?? ''),
      state: stateCell(instance),
      type: cell(instance.InstanceType ?? ''),
      status: statusCell(instance, status),
      zone: valueOr(instance.Placement?.AvailabilityZone),
      publicIp: valueOr(instance.PublicIpAddress),
      privateIp: valueOr(instance.PrivateIpAddress),
      keyName: valueOr(instance.KeyName),
      launchTime: cell(dateTime(instance.LaunchTime)),
    };
    words.value.rows.set(instance, { status, row });
    return row;
  }

  /** The row checkbox's accessible name, "Select instance i-…". */
  function selectLabel(id: string): string {
    const labels = words.value.selectLabels;
    let label = labels.get(id);
    if (label === undefined) {
      label = t('instances.selectInstance', { id });
      labels.set(id, label);
    }
    return label;
  }

  return { rowOf, selectLabel };
}
