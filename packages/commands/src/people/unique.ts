import { DomainValidationError } from "@samspill/domain";

// Names and numbers that must be unique (an organisation's name and organisation number, a unit's
// name within its organisation, one role per person and organisation) are kept unique by the
// database; a clash is the caller's input, answered as a field error rather than a 500.

const fieldNames: Record<string, { en: string; nb: string; nn: string }> = {
  name: { en: "The name is taken", nb: "Navnet er allerede i bruk", nn: "Namnet er alt i bruk" },
  orgNumber: {
    en: "Another organisation has this number",
    nb: "En annen organisasjon har dette nummeret",
    nn: "Ein annan organisasjon har dette nummeret",
  },
  municipalityNumber: {
    en: "Another organisation is this municipality",
    nb: "En annen organisasjon er allerede denne kommunen",
    nn: "Ein annan organisasjon er alt denne kommunen",
  },
  role: {
    en: "The person already holds this role here",
    nb: "Personen har allerede denne rollen her",
    nn: "Personen har alt denne rolla her",
  },
};

export async function refuseTaken<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const e = error as { code?: string; meta?: { target?: unknown; driverAdapterError?: unknown } };
    if (e.code !== "P2002") throw error;
    const target = JSON.stringify(e.meta ?? {});
    const field = Object.keys(fieldNames).find((name) => target.includes(name)) ?? "name";
    const text = fieldNames[field] ?? { en: "Already taken", nb: "Allerede i bruk", nn: "Alt i bruk" };
    throw new DomainValidationError([
      { field, code: "taken", message: text.en, messageNb: text.nb, messageNn: text.nn },
    ]);
  }
}
