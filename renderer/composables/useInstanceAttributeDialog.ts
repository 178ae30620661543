/**
 * The flow every Actions → Instance settings dialog shares: read the setting's current value when the
 * dialog opens (DescribeInstanceAttribute, through the instance-attributes store) and then focus its
 * control; on Save send the change (ModifyInstanceAttribute), show the success banner with the AWS CLI
 * command that does the same, and close; a refusal stays in the dialog as AWS's error code and message.
 * EC2 API Reference: API_DescribeInstanceAttribute, API_ModifyInstanceAttribute.
 * Each dialog keeps only its control and how it maps the value; `frame` is what its SettingsDialogFrame
 * takes from the flow (`v-bind="frame"`): the instance's id, the error, Save and Cancel.
 */
import type { MessageKey } from '../i18n/message-keys';
import { computed, nextTick, onMounted, ref, toValue, type MaybeRefOrGetter, type Ref } from 'vue';
import { useNotificationsStore, type Flash } from '../stores/notifications';

interface InstanceAttributeDialogOptions<T> {
  instanceId: MaybeRefOrGetter<string>;
  /** What the control holds until (and unless) the read succeeds. */
  initial: T;
  /** Reads the current value when the dialog opens. */
  read: (instanceId: string) => Promise<T>;
  /** Sends the change; answers the equivalent AWS CLI command. */
  write: (instanceId: string, value: T) => Promise<string>;
  /** The success banner's i18n key; it gets the instance's `id`, and `params` of the value saved. */
  saved: { key: MessageKey; params?: (value: T) => Flash['params'] };
  close: () => void;
}

export function useInstanceAttributeDialog<T>(options: InstanceAttributeDialogOptions<T>) {
  const notifications = useNotificationsStore();
  const value = ref(options.initial) as Ref<T>;
  const loading = ref(true);
  /** Saving needs the current value: without it the dialog would overwrite what it never showed. */
  const loaded = ref(false);
  const saving = ref(false);
  const error = ref<unknown>();
  const control = ref<HTMLElement>();

  onMounted(async () => {
    try {
      value.value = await options.read(toValue(options.instanceId));
      loaded.value = true;
    } catch (cause) {
      error.value = cause;
    } finally {
      loading.value = false;
    }
    // The control was disabled until loaded, so the dialog could not focus it on opening.
    await nextTick();
    control.value?.focus();
  });

  async function save(): Promise<void> {
    const id = toValue(options.instanceId);
    const sent = value.value;
    saving.value = true;
    error.value = undefined;
    try {
      const command = await options.write(id, sent);
      notifications.success(options.saved.key, { id, ...options.saved.params?.(sent) }, undefined, command);
      options.close();
    } catch (cause) {
      error.value = cause;
    } finally {
      saving.value = false;
    }
  }

  const frame = computed(() => ({
    instanceId: toValue(options.instanceId),
    error: error.value,
    onSubmit: save,
    onCancel: options.close,
  }));

  return { value, loading, loaded, saving, control, frame };
}
