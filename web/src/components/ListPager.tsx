import { useTranslation } from "react-i18next";

// Previous and next for a list the gateway serves a page at a time (`limit` and `offset`). A
// list with no count of its own has more when the page came back full; nothing is shown while
// everything fits on the first page.

export function ListPager({
  offset,
  pageSize,
  shown,
  onOffset,
}: {
  offset: number;
  pageSize: number;
  /** Items on the page now shown. */
  shown: number;
  onOffset: (offset: number) => void;
}) {
  const { t } = useTranslation();
  const more = shown >= pageSize;
  if (offset === 0 && !more) return null;
  return (
    <nav className="pager" aria-label={t("pages.label")}>
      {shown > 0 && <p>{t("pages.shown", { from: offset + 1, to: offset + shown })}</p>}
      <button
        type="button"
        className="button button-secondary"
        disabled={offset === 0}
        onClick={() => onOffset(Math.max(0, offset - pageSize))}
      >
        {t("pages.previous")}
      </button>
      <button
        type="button"
        className="button button-secondary"
        disabled={!more}
        onClick={() => onOffset(offset + pageSize)}
      >
        {t("pages.next")}
      </button>
    </nav>
  );
}
