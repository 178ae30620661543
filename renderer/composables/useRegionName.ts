/** "Asia Pacific (Seoul)" for ap-northeast-2, in the UI's language; the code itself when unknown. */
import { useLabI18n } from '../i18n/use-lab-i18n';

export function useRegionName() {
  const { tOr } = useLabI18n();
  return (code: string): string => tOr(`regionNames.${code}`, code);
}
