// How big a data set the benchmark builds: the national scale the issue asks for, a region for
// smoke runs, and a handful of rows for the generator's own test.

export interface Scale {
  municipalities: number;
  hospitalTrusts: number;
  offers: number;
  sessions: number;
  agreements: number;
  meetingPoints: number;
  participationReports: number;
}

export const scales = {
  /** The national scale the issue asks for. */
  full: {
    municipalities: 357,
    hospitalTrusts: 20,
    offers: 5_000,
    sessions: 50_000,
    agreements: 2_000,
    meetingPoints: 5_000,
    participationReports: 100_000,
  },
  /** `--quick`: a region, for smoke runs of the whole benchmark. */
  quick: {
    municipalities: 60,
    hospitalTrusts: 5,
    offers: 800,
    sessions: 6_000,
    agreements: 300,
    meetingPoints: 600,
    participationReports: 10_000,
  },
  /** For the generator's own test. */
  tiny: {
    municipalities: 6,
    hospitalTrusts: 2,
    offers: 30,
    sessions: 60,
    agreements: 8,
    meetingPoints: 6,
    participationReports: 50,
  },
} satisfies Record<string, Scale>;
