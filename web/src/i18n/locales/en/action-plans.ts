import type { Translation } from "../../catalogue.js";
import type nb from "../nb/action-plans.js";

// English texts of the action plans and their measures.

const texts: Translation<typeof nb> = {
  actionPlans: {
    title: "Action plans",
    lead: "The measures of the action plans for patient and carer education: who is responsible, when each is checked, and how far it has come.",
    youMayEdit:
      "You can update the status of, and write progress notes on, the measures of plans your organisation owns.",
    filters: "Filter the measures",
    plan: "Action plan",
    allPlans: "All plans",
    section: "Section",
    allSections: "All sections",
    status: "Status",
    allStatuses: "All statuses",
    responsible: "Responsible",
    allResponsible: "Everyone responsible",
    includeRemoved: "Also show removed measures (history)",
    clearFilters: "Clear the filters",
    count_one: "{{count}} measure matches the filters.",
    count_other: "{{count}} measures match the filters.",
    dueSoon: "Checkpoints soon",
    dueSoonLead:
      "Measures whose checkpoint has passed or falls within the next {{days}} days, the most urgent first.",
    dueSoonEmpty: "No measure has a checkpoint within the next {{days}} days.",
    noMeasures: "No measures match the filters.",
    measure: "Measure",
    measureLabel: "Measure {{section}} no. {{ordinal}}",
    planMeta: "{{owner}} · {{start}}–{{end}}",
    revised: "revised {{date}}",
    started: "Started",
    checkpoint: "Checkpoint",
    nextCheckpoint: "next on {{date}}",
    note: "Note",
    notGiven: "Not given",
    overdue: "Overdue",
    progress: "Progress",
    progressFor: "Progress of {{measure}}",
    noProgress: "No progress notes yet.",
    statusSetTo: "status set to {{status}}",
    update: "Update status or write a note",
    updateFor: "Update {{measure}}",
    progressNote: "Progress note",
    progressNoteHint:
      "What was done, or why the status changes. Optional when you change the status; the note is kept with the date and your name.",
    save: "Save",
    cancel: "Cancel",
    statusUpdated: "{{measure}} now has the status “{{status}}”.",
    noteAdded: "The progress note is saved.",
    conflict:
      "Someone else updated the measure (version {{current}}) after you opened it (version {{expected}}). Reload and try again.",
  },
};

export default texts;
