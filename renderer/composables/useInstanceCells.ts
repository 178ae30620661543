/**
 * The texts of an instances table row, as StateBadge and StatusCheckText word them, made once per
 * language and kept: a table of 5,000 instances mounts a dozen rows on every scroll frame, and asking
 * vue-i18n for the same few messages each time (and mounting two components per row to do it) was
 * most of the script such a frame ran.
 */
import { computed } from 'vue';
import type { Instance, InstanceStateName, InstanceStatus } from '@aws-sdk/client-ec2';
import { useLabI18n } from '../i18n/use-lab-i18n';
import { INSTANCE_STATES, TRANSITIONAL_STATES, summarizeStatusChecks } from '../domain/instances/instance-lifecycle';

/** A status check cell: its text and the classes StatusCheckText gives it (none for "–"). */
export interface StatusCell {
  text: string;
  classes: string[];
}

const NO_CHECKS: StatusCell = { text: '–', classes: [] };

export function useInstanceCells() {
  const { t, locale } = useLabI18n();

  /** Everything that depends only on the language; rebuilt when it changes. */
  const texts = computed(() => {
    // Read so the texts are made again in the new language.
    void locale.value;
    return {
      states: new Map(INSTANCE_STATES.map((state) => [state, t(`states.${state}`)])),
      initializing: { text: t('statusCheck.initializing'), classes: ['status-check', 'status-check--pending'] },
      insufficientData: { text: t('statusCheck.insufficientData'), classes: ['status-check'] },
      checked: new Map<string, StatusCell>(),
      selectLabels: new Map<string, string>(),
    };
  });

  function stateLabel(state: InstanceStateName | undefined): string {
    return state ? (texts.value.states.get(state) ?? t(`states.${state}`)) : '–';
  }

  function stateClasses(state: InstanceStateName | undefined): (string | Record<string, boolean>)[] {
    return [
      'state-badge',
      `state-badge--${state ?? 'unknown'}`,
      { 'state-badge--busy': !!state && TRANSITIONAL_STATES.includes(state) },
    ];
  }

  function statusCell(instance: Instance, status: InstanceStatus | undefined): StatusCell {
    const summary = summarizeStatusChecks(instance, status);
    if (summary.kind === 'none') return NO_CHECKS;
    if (summary.kind === 'initializing') return texts.value.initializing;
    if (summary.kind === 'insufficient-data') return texts.value.insufficientData;
    const key = `${summary.passed}/${summary.total}`;
    let cell = texts.value.checked.get(key);
    if (!cell) {
      cell = {
        text: t('statusCheck.checked', { passed: summary.passed, total: summary.total }),
        classes: ['status-check', summary.passed === summary.total ? 'status-check--ok' : 'status-check--failed'],
      };
      texts.value.checked.set(key, cell);
    }
    return cell;
  }

  /** The row checkbox's accessible name, "Select instance i-…". */
  function selectLabel(id: string | undefined): string {
    const labels = texts.value.selectLabels;
    let label = labels.get(id ?? '');
    if (label === undefined) {
      label = t('instances.selectInstance', { id });
      // One label per instance the table has shown; a new language starts a new map.
      labels.set(id ?? '', label);
    }
    return label;
  }

  return { locale, stateLabel, stateClasses, statusCell, selectLabel };
}
