import { z } from "zod";
import { plainText } from "~/lib/validation.server";

const id = z.string().min(1).max(64);

export const RoomRef = z.object({ activityId: id }).strict();
export const LiveMessageInput = z.object({ activityId: id, body: plainText(500) }).strict();
export const QuestionInput = z.object({ activityId: id, body: plainText(300), anonymous: z.boolean().default(false) }).strict();
export const QuestionRef = z.object({ questionId: id }).strict();
export const QuestionModeration = z.object({ questionId: id, action: z.enum(["answer", "pin", "unpin", "hide", "reopen"]) }).strict();
export const MessageRef = z.object({ messageId: id }).strict();
export const MuteInput = z.object({ activityId: id, userId: id }).strict();
