-- What participants should bring, for the confirmation and reminder mails (issue 14, item 5).
ALTER TABLE "OfferSession" ADD COLUMN     "whatToBring" TEXT;
