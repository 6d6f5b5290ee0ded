import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../../gql';
import { useI18n, useMessages } from '../../../lib/i18n/i18n-context';
import { intlTagOf } from '../../../lib/i18n/locale';
import { adminMessages } from '../messages';
import { QueryState } from '../ui/query-state';
import { BarChart } from './bar-chart';
import { barsOf, partsOf, type Bar } from './chart-data';

const AdminRegionsDocument = graphql(`
  query AdminRegions {
    regions {
      code
      name
    }
  }
`);

const AdminStatisticsDocument = graphql(`
  query AdminStatistics($regionCode: String) {
    cooperativeStatistics(regionCode: $regionCode) {
      cooperatives
      members
      womenLedCooperatives
      womenLedMembers
      bySector {
        sector
        count
        share
      }
      byProvince {
        province {
          code
          name
        }
        count
        share
      }
    }
  }
`);

/** Provinces shown one by one before the rest fold into "others". */
const PROVINCES_SHOWN = 12;

/** /admin/statistics?region=MA-06: approved cooperatives of a region (or all) by sector, province, women-led. */
export default function StatisticsPage() {
  const t = useMessages(adminMessages);
  const { locale, dir } = useI18n();
  const [params, setParams] = useSearchParams();
  const regionCode = params.get('region') || null;
  const [regions] = useQuery({ query: AdminRegionsDocument });
  const [{ data, fetching, error }] = useQuery({ query: AdminStatisticsDocument, variables: { regionCode } });
  const percentFormat = new Intl.NumberFormat(intlTagOf(locale), {
    style: 'percent',
    maximumFractionDigits: 1,
  });
  const percent = (share: number) => percentFormat.format(share);
  const number = (n: number) => n.toLocaleString(intlTagOf(locale));
  const headers = { label: t('stats.label'), count: t('stats.count'), share: t('stats.share') };
  const describe = (b: Bar) =>
    t('stats.bar', { label: b.label, count: number(b.count), share: percent(b.share) });
  const s = data?.cooperativeStatistics;

  const womenLed = (part: number, whole: number, key: string): Bar[] => {
    const shares = partsOf(part, whole);
    return barsOf(
      [
        { key: `${key}-women`, label: t('stats.womenLedShare'), count: part, share: shares.part },
        { key: `${key}-others`, label: t('stats.othersShare'), count: whole - part, share: shares.rest },
      ],
      2,
      '',
    );
  };

  return (
    <section>
      <h1>{t('stats.title')}</h1>
      <div className="field">
        <label htmlFor="stats-region">{t('stats.region')}</label>
        <select
          id="stats-region"
          value={regionCode ?? ''}
          onChange={(e) => setParams(e.target.value ? { region: e.target.value } : {})}
        >
          <option value="">{t('stats.allRegions')}</option>
          {(regions.data?.regions ?? []).map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </select>
      </div>
      {!s ? <QueryState fetching={fetching} error={error} hasData={false} /> : null}
      {s ? (
        <>
          <dl className="facts" aria-live="polite">
            <dt>{t('stats.cooperatives')}</dt>
            <dd data-testid="stats-cooperatives">{number(s.cooperatives)}</dd>
            <dt>{t('stats.members')}</dt>
            <dd>{number(s.members)}</dd>
            <dt>{t('stats.womenLedCooperatives')}</dt>
            <dd>{number(s.womenLedCooperatives)}</dd>
            <dt>{t('stats.womenLedMembers')}</dt>
            <dd>{number(s.womenLedMembers)}</dd>
          </dl>
          {s.cooperatives === 0 ? (
            <p>{t('stats.empty')}</p>
          ) : (
            <>
              <BarChart
                title={t('stats.bySector')}
                bars={barsOf(
                  s.bySector.map((x) => ({
                    key: x.sector,
                    label: t(`sector.${x.sector}`),
                    count: x.count,
                    share: x.share,
                  })),
                  20,
                  t('stats.othersShare'),
                )}
                describe={describe}
                headers={headers}
                percent={percent}
                dir={dir}
              />
              <BarChart
                title={t('stats.byProvince')}
                bars={barsOf(
                  s.byProvince.map((x) => ({
                    key: x.province.code,
                    label: x.province.name,
                    count: x.count,
                    share: x.share,
                  })),
                  PROVINCES_SHOWN,
                  t('stats.othersShare'),
                )}
                describe={describe}
                headers={headers}
                percent={percent}
                dir={dir}
              />
              <BarChart
                title={`${t('stats.womenLed')} — ${t('stats.cooperatives')}`}
                bars={womenLed(s.womenLedCooperatives, s.cooperatives, 'coops')}
                describe={describe}
                headers={headers}
                percent={percent}
                dir={dir}
              />
              <BarChart
                title={`${t('stats.womenLed')} — ${t('stats.members')}`}
                bars={womenLed(s.womenLedMembers, s.members, 'members')}
                describe={describe}
                headers={headers}
                percent={percent}
                dir={dir}
              />
            </>
          )}
        </>
      ) : null}
    </section>
  );
}
