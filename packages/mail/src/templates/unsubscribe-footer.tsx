// Compiled with the automatic JSX runtime however the file is loaded (tsx from the repo root
// finds no tsconfig with "jsx" and would fall back to React.createElement).
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";

// The line under every summary and reminder: stop this mail with one click (the signed link of
// the List-Unsubscribe header, via a confirmation page) or choose what to get.

export type FooterLocale = "nb" | "nn" | "en";

export const unsubscribeTexts: Record<FooterLocale, { question: string; stop: string; manage: string }> = {
  nb: {
    question: "Vil du ikke lenger få denne e-posten?",
    stop: "Meld deg av med ett klikk",
    manage: "velg hva du vil få",
  },
  nn: {
    question: "Vil du ikkje lenger få denne e-posten?",
    stop: "Meld deg av med eitt klikk",
    manage: "vel kva du vil få",
  },
  en: {
    question: "No longer want this e-mail?",
    stop: "Unsubscribe with one click",
    manage: "choose what you get",
  },
};

const style = { color: "#5b6b7b", fontSize: "12px", lineHeight: "18px", margin: "8px 0 0" };
// Underlined: a link inside running text must not be told apart by its colour alone.
const linkStyle = { color: "#00607a", textDecoration: "underline" };

export function UnsubscribeFooter({
  unsubscribeUrl,
  manageUrl,
  locale = "nb",
}: {
  unsubscribeUrl: string;
  manageUrl: string;
  locale?: FooterLocale;
}) {
  const text = unsubscribeTexts[locale];
  return (
    <Text style={style}>
      {text.question}{" "}
      <Link href={unsubscribeUrl} style={linkStyle}>
        {text.stop}
      </Link>{" "}
      ·{" "}
      <Link href={manageUrl} style={linkStyle}>
        {text.manage}
      </Link>
    </Text>
  );
}
