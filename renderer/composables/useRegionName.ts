/** "Asia Pacific (Seoul)" for ap-northeast-2, in the UI's language; the code itself when unknown. */
import { useI18n } from 'vue-i18n';

export function useRegionName() {
  const { t, te } = useI18n();
  return (code: string): string => (te(`regionNames.${code}`) ? t(`regionNames.${code}`) : code);
}
