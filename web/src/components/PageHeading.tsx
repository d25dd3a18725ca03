import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

// After a client-side navigation the new page's heading takes focus, so screen-reader and
// keyboard users start on the new content (the router moves no focus by itself). The layout
// marks a navigation; the heading that mounts next, or the one already there, takes it.

let focusRequested = false;
let navigatedAt = 0;

export function requestHeadingFocus() {
  navigatedAt = Date.now();
  const heading = document.querySelector<HTMLElement>("main h1");
  if (heading) {
    heading.focus();
    focusRequested = false;
  } else {
    focusRequested = true;
  }
}

interface PageHeadingProps {
  children: ReactNode;
  /** The document title; defaults to the heading when it is plain text. */
  title?: string;
  id?: string;
}

export function PageHeading({ children, title, id }: PageHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { t } = useTranslation();
  const documentTitle = title ?? (typeof children === "string" ? children : undefined);
  const appName = t("app.name");
  useEffect(() => {
    if (documentTitle) document.title = `${documentTitle} – ${appName}`;
  }, [documentTitle, appName]);
  useEffect(() => {
    // A page that swaps its loading heading for the loaded one takes focus back from <body>.
    const lostFocus = Date.now() - navigatedAt < 5000 && document.activeElement === document.body;
    if ((focusRequested || lostFocus) && ref.current) {
      ref.current.focus();
      focusRequested = false;
    }
  }, []);
  return (
    <h1 ref={ref} id={id} tabIndex={-1}>
      {children}
    </h1>
  );
}
