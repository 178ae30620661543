/** Dates, sizes and prices in the UI's language. */
import { useLabI18n } from '../i18n/use-lab-i18n';

export function useFormat() {
  const { locale, t } = useLabI18n();

  function dateTime(value: Date | string | number | undefined): string {
    if (value === undefined) return '–';
    const date = value instanceof Date ? value : new Date(value);
    if (Number.isNaN(date.getTime())) return '–';
    return new Intl.DateTimeFormat(locale.value, {
      dateStyle: 'medium',
      timeStyle: 'medium',
    }).format(date);
  }

  function time(value: number): string {
    return new Intl.DateTimeFormat(locale.value, { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(value));
  }

  function number(value: number, digits = 0): string {
    return new Intl.NumberFormat(locale.value, { maximumFractionDigits: digits }).format(value);
  }

  function gibFromMib(mib: number | undefined): string {
    return mib === undefined ? '–' : number(mib / 1024, 3);
  }

  /** "0.0104 USD per Hour", as the wizard prints on-demand prices. */
  function pricePerHour(usd: number | undefined): string {
    if (usd === undefined) return t('common.priceUnavailable');
    return t('common.pricePerHour', { price: usd.toFixed(4) });
  }

  return { dateTime, time, number, gibFromMib, pricePerHour };
}
