// When a session happens, as a patient filters the catalogue by it: the weekday and the part of
// the day it starts in, Oslo time. Morning is before 12:00, afternoon before 17:00, evening later.

export const weekdays = [
  "MONDAY",
  "TUESDAY",
  "WEDNESDAY",
  "THURSDAY",
  "FRIDAY",
  "SATURDAY",
  "SUNDAY",
] as const;
export type Weekday = (typeof weekdays)[number];
export const timesOfDay = ["MORNING", "AFTERNOON", "EVENING"] as const;
export type TimeOfDay = (typeof timesOfDay)[number];
