import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ListPager } from "../../components/ListPager.js";
import { SelectField } from "../../components/SelectField.js";
import type { CrossedGapData, CrossedOverviewData } from "./queries.js";
import type { CrossDimension, GapSort } from "./state.js";
import { useValueLabel } from "./value-label.js";

// The crossed table's gaps (cells with fewer offers than the threshold), sortable, downloadable
// as CSV, each with links to the offers nearest to filling it (the gateway's NearestOffer says
// how "nearest" is measured: another format or audience first, then language or a
// neighbouring municipality, another diagnosis or priority group last).

export const gapsPageSize = 50;

interface Props {
  overview: CrossedOverviewData;
  below: number;
  sort: GapSort;
  offset: number;
  csvHref: string;
  onBelow: (below: number) => void;
  onSort: (sort: GapSort) => void;
  onOffset: (offset: number) => void;
  /** For a forum member: the address that flags a gap to the organisation that must answer. */
  flagHref?: ((gap: CrossedGapData) => string) | undefined;
}

export function CrossedGaps({
  overview,
  below,
  sort,
  offset,
  csvHref,
  onBelow,
  onSort,
  onOffset,
  flagHref,
}: Props) {
  const { t } = useTranslation();
  const sorts: GapSort[] = ["OFFER_COUNT", "ROW", "COLUMN"];
  return (
    <section aria-labelledby="crossed-gaps-heading" className="overview-section">
      <h2 id="crossed-gaps-heading">{t("crossed.gaps.heading", { count: overview.gapCount })}</h2>
      <form
        className="overview-filters"
        aria-label={t("crossed.gaps.options")}
        onSubmit={(e) => e.preventDefault()}
      >
        <SelectField
          id="crossed-gap-sort"
          label={t("crossed.gaps.sort")}
          value={sort}
          onChange={(v) => onSort(v as GapSort)}
          options={sorts.map((s) => ({ value: s, label: t(`crossed.gaps.sorts.${s}`) }))}
        />
        <div className="field">
          <label htmlFor="crossed-gap-below">{t("crossed.gaps.below")}</label>
          <input
            id="crossed-gap-below"
            type="number"
            min={1}
            max={1000}
            value={below}
            onChange={(e) => {
              const n = Number(e.target.value);
              if (Number.isInteger(n) && n >= 1 && n <= 1000) onBelow(n);
            }}
          />
        </div>
      </form>
      <p>
        <a href={csvHref} download>
          {t("crossed.gaps.downloadCsv")}
        </a>
      </p>
      {overview.gaps.length === 0 ? (
        <p>{t("crossed.gaps.none")}</p>
      ) : (
        <ol className="gap-list" id="crossed-gaps" start={offset + 1}>
          {overview.gaps.map((g) => (
            <GapItem
              key={`${g.row.value}|${g.column.value}`}
              gap={g}
              overview={overview}
              flagHref={flagHref?.(g)}
            />
          ))}
        </ol>
      )}
      <ListPager offset={offset} pageSize={gapsPageSize} shown={overview.gaps.length} onOffset={onOffset} />
    </section>
  );
}

function GapItem({
  gap,
  overview,
  flagHref,
}: {
  gap: CrossedGapData;
  overview: CrossedOverviewData;
  flagHref: string | undefined;
}) {
  const { t } = useTranslation();
  const label = useValueLabel();
  const rows = overview.rowDimension as CrossDimension;
  const columns = overview.columnDimension as CrossDimension;
  const name = `${label(rows, gap.row)} × ${label(columns, gap.column)}`;
  const headingId = `gap-${gap.row.value}-${gap.column.value}`;
  return (
    <li>
      <p id={headingId}>
        <strong>{name}</strong>: {t("crossed.gaps.offers", { count: gap.offerCount })}
        {flagHref && (
          <>
            {" "}
            <Link to={flagHref} aria-describedby={headingId}>
              {t("crossed.gaps.flag")}
            </Link>
          </>
        )}
      </p>
      {gap.nearestOffers.length > 0 ? (
        <ul aria-label={t("crossed.gaps.nearestFor", { gap: name })}>
          {gap.nearestOffers.map((n) => (
            <li key={n.offerId}>
              <Link to={`/offers/${n.offerId}`}>{n.title}</Link> ({n.providerName}) –{" "}
              {t(`crossed.gaps.differs.${n.differsIn as CrossDimension}`, {
                values: n.values
                  .map((value, i) =>
                    label(n.differsIn as CrossDimension, { value, label: n.valueLabels[i] ?? value }),
                  )
                  .join(", "),
              })}
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">{t("crossed.gaps.noNearest")}</p>
      )}
    </li>
  );
}
