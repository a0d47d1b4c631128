import { z } from "zod";
import { LOCALES } from "~/lib/locales";
import { checkbox, email, password, plainText } from "~/lib/validation.server";

export const RegisterInput = z.object({
  email,
  password,
  displayName: plainText(60),
  locale: z.enum(LOCALES),
  isNewcomer: checkbox,
  isVolunteer: checkbox,
});

export const SignInInput = z.object({
  email: z
    .string()
    .max(254)
    .transform((value) => value.trim().toLowerCase()),
  password: z.string().min(1).max(200),
});

export const ChangePasswordInput = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: password, confirmPassword: z.string().max(200) })
  .refine((input) => input.newPassword === input.confirmPassword, {
    path: ["confirmPassword"],
    params: { key: "validation.passwordsDiffer" },
  });

export const DeleteAccountInput = z.object({
  password: z.string().min(1).max(200),
  confirm: z.literal("on", { errorMap: () => ({ message: "", params: {} }) }),
});

export const ForgotPasswordInput = z.object({ email });

export const ResetPasswordInput = z
  .object({ token: z.string().max(100), newPassword: password, confirmPassword: z.string().max(200) })
  .refine((input) => input.newPassword === input.confirmPassword, {
    path: ["confirmPassword"],
    params: { key: "validation.passwordsDiffer" },
  });
