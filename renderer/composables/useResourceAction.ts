/**
 * Runs one change a resource page (VPCs, volumes, snapshots …) makes, as the console reports it:
 * `busy` while it runs, then a green flash with the AWS CLI command that does the same, or a red one
 * with AWS's code and message.
 */
import { ref } from 'vue';
import type { MessageKey } from '../i18n/message-keys';
import { useNotificationsStore } from '../stores/notifications';

type Params = Record<string, string | number>;

export function useResourceAction() {
  const notifications = useNotificationsStore();
  const busy = ref(false);

  async function run<R extends { cliCommand: string }>(
    action: () => Promise<R>,
    success: { key: MessageKey; params: (result: R) => Params },
    failure: MessageKey,
  ): Promise<R | undefined> {
    busy.value = true;
    try {
      const result = await action();
      notifications.success(success.key, success.params(result), undefined, result.cliCommand);
      return result;
    } catch (error) {
      notifications.error(error, failure);
      return undefined;
    } finally {
      busy.value = false;
    }
  }

  return { busy, run };
}
