-- Written language (målform): a person's own choice (null follows their organisation), an
-- organisation's chosen standard, and the language an offer's texts were written in.

-- CreateEnum
CREATE TYPE "WrittenLanguage" AS ENUM ('nb', 'nn', 'en');

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "language" "WrittenLanguage" NOT NULL DEFAULT 'nb';

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "language" "WrittenLanguage";

-- AlterTable
ALTER TABLE "Offer" ADD COLUMN     "textLanguage" "WrittenLanguage" NOT NULL DEFAULT 'nb';
