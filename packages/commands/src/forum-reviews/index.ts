export { recordForumReview } from "./record-forum-review.js";
