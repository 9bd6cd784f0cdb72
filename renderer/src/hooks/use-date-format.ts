// The company's timezone (Settings → Company) as the formatters every date on screen goes through. One shared
// company.get query: saving another timezone refreshes it, and every mounted date re-renders in the new zone.
import { useContractQuery } from '../api/client';
import { dateFormat, type DateFormat } from '../components/ui/relative-time';
import { localTimeZone } from '../timezones';

/** Formatters in the company's timezone (this computer's until the company has one, UTC if neither is known). */
export function useDateFormat(): DateFormat {
  const company = useContractQuery('company.get', undefined, { staleTime: 60_000 });
  return dateFormat(company.data?.timezone || localTimeZone());
}
