export { addSession } from "./add-session.js";
export { cancelSession } from "./cancel-session.js";
export { updateSession } from "./update-session.js";
