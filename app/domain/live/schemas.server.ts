import { z } from "zod";

const cleanText = (max: number) =>
  z
    .string()
    .max(max * 8) // a 100 KB message is refused here, before any other work
    .transform((value) => value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "").trim())
    .pipe(z.string().min(1).max(max));

const id = z.string().min(1).max(64);

export const RoomRef = z.object({ activityId: id }).strict();
export const LiveMessageInput = z.object({ activityId: id, body: cleanText(500) }).strict();
export const QuestionInput = z.object({ activityId: id, body: cleanText(300), anonymous: z.boolean().default(false) }).strict();
export const QuestionRef = z.object({ questionId: id }).strict();
export const QuestionModeration = z.object({ questionId: id, action: z.enum(["answer", "pin", "unpin", "hide", "reopen"]) }).strict();
export const MessageRef = z.object({ messageId: id }).strict();
export const MuteInput = z.object({ activityId: id, userId: id }).strict();
