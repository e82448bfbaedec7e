/** Working calendars and SLA clocks: pure, over UTC instants (epoch milliseconds). */
export { addWorkingTime, calendarIssues, CalendarError, MAX_CALENDAR_DAYS, mergeSegments, workingSegments, workingTimeBetween } from './work-calendar';
export type { CalendarIssue, IsoWeekday, WorkCalendar, WorkingHours, WorkingSegment } from './work-calendar';
export { CLOCK_EVENT_TYPES, computeClock } from './deadline';
export type { ClockEvent, ClockEventType, ClockInput, ClockLine, ClockPause, ClockResult, ClockState, ExplainedSegment } from './deadline';
