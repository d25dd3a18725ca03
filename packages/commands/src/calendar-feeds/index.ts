export {
  type CreatedCalendarFeed,
  calendarFeedTokenPattern,
  createMyCalendarFeed,
  hashCalendarFeedToken,
  revokeMyCalendarFeed,
} from "./own-calendar-feed.js";
