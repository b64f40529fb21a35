# Validation messages of the new-cashout form and of batch rows: each country's own rules (en).

## Brazil: the document (CPF or CNPJ), PIX keys and the bank code.
v-br-document-type-not-allowed = The document type (document_type) for Brazil must be CPF or CNPJ, or left empty.
v-br-document-type-mismatch = The document type (document_type) does not match the document: a CPF has 11 digits and a CNPJ 14 characters. Correct one of them.
v-br-document-wrong-length = The document (document_id) must be a CPF (11 digits) or a CNPJ (14 characters); it has { $len } letters and digits.
v-br-cpf-stray-character = The CPF (document_id) contains a character other than digits and the usual separators (dots, hyphens, slashes, spaces): retype it, e.g. 390.533.447-05.
v-br-cpf-length = The CPF (document_id) must have 11 digits; it has { $len }.
v-br-cpf-letters = The CPF (document_id) must be 11 digits, without letters, e.g. 390.533.447-05.
v-br-cpf-repeated = The CPF (document_id) is one digit repeated, which is never a real CPF: enter the beneficiary's actual CPF.
v-br-cpf-check-digit = The CPF check digits do not match (document_id): check the number with the beneficiary.
v-br-cnpj-stray-character = The CNPJ (document_id) contains a character other than letters, digits and the usual separators (dots, hyphens, slashes, spaces): retype it, e.g. 16.727.230/0001-97.
v-br-cnpj-length = The CNPJ (document_id) must have 14 characters; it has { $len }.
v-br-cnpj-shape = The CNPJ (document_id) must be 12 letters or digits followed by 2 digits, e.g. 16.727.230/0001-97.
v-br-cnpj-repeated = The CNPJ (document_id) is one digit repeated, which is never a real CNPJ: enter the company's actual CNPJ.
v-br-cnpj-check-digit = The CNPJ check digits do not match (document_id): check the number with the beneficiary.
v-br-cnpj-advisory = The document (document_id) is a CNPJ, a company's number, but the provider's Brazil page asks for the beneficiary's CPF and the reference does not confirm payouts to a CNPJ. If the provider refuses it (invalid document, 805), pay to the account holder's CPF instead.
v-br-cnpj-letters-unconfirmed = The CNPJ (document_id) has letters, as the CNPJs issued from July 2026 do, and the reference does not confirm the provider accepts them yet. Confirm with the provider before sending a large amount.
v-br-pix-random-key-refused = PIX random keys cannot be sent: the provider reference confirms no bank code for them, and its only field that could carry the key (bank_account) takes at most 30 characters while a random key has 36. Ask the beneficiary for another PIX key (CPF or CNPJ, phone or e-mail) or for their bank account.
v-br-pix-leave-account-empty = Leave the account number (bank_account) empty for this PIX key type: the key is taken from another field.
v-br-pix-leave-branch-empty = Leave the branch (bank_branch) empty for a PIX payout.
v-br-pix-phone-required = Enter the beneficiary's phone number (phone): it is the PIX key for this payout, e.g. +55 11 98765-4321.
v-br-pix-phone-not-mobile = PIX phone keys are Brazilian mobile numbers (+55, the area code, then 9 digits starting with 9), and this phone number (phone) is not one, so the key lookup will likely fail (invalid PIX key, 814). Check the key with the beneficiary.
v-br-pix-email-required = Enter the beneficiary's e-mail address (email): it is the PIX key for this payout.
v-br-pix-email-long = The PIX e-mail key (email) is longer than { $max } characters, the cap many PIX systems apply; the provider accepts up to 100, but the key may not be found. Check the key with the beneficiary.
v-br-bank-code-required = Enter the bank code (bank_code): the bank's 3-digit code or 8-digit ISPB, or a PIX code (10000 phone, 10001 e-mail, 10002 document).
v-br-bank-code-unknown = The bank code (bank_code) is not a known Brazilian code: use the bank's 3-digit code or 8-digit ISPB, or a PIX code (10000 phone, 10001 e-mail, 10002 document).

## Brazil, bank transfers: account, branch (agência) and account type.
v-br-bank-account-required = Enter the beneficiary's account number (bank_account) for a bank transfer.
# $bank: "known" (a bank of the table: "this bank") or "other" (any Brazilian bank);
# $last: "x" (the check character may be X) or "digit"; $count, $min, $max: digit counts.
v-br-bank-account-shape-fixed = The account number (bank_account) does not have the shape { $bank ->
        [known] this bank
       *[other] a Brazilian bank
    } uses: { $count } digits, then an optional hyphen and a check character ({ $last ->
        [x] a digit or X
       *[digit] a digit
    }).
v-br-bank-account-shape-range = The account number (bank_account) does not have the shape { $bank ->
        [known] this bank
       *[other] a Brazilian bank
    } uses: { $min } to { $max } digits, then an optional hyphen and a check character ({ $last ->
        [x] a digit or X
       *[digit] a digit
    }).
v-br-bank-branch-required = Enter the branch number (bank_branch, agência) for a bank transfer.
v-br-bank-branch-format = The branch (bank_branch, agência) must be 1 to 5 digits, optionally followed by a check digit or X, e.g. 1234 or 1234-5.
v-br-bank-account-type-choices = C (checking) or S (savings)

## Mexico: the document (CURP, RFC, IFE, passport) and the CLABE.
v-mx-document-type-not-allowed = The document type (document_type) for Mexico must be CURP, RFC, IFE or PASS, or left empty.
v-mx-document-format = The document (document_id) for Mexico must be 7 to 18 letters and digits (CURP, RFC, IFE or passport number).
v-mx-document-type-ife-mismatch = The document type (document_type) says IFE, but the document has the shape of a { $named }: set the type to { $named }, or enter the IFE number.
v-mx-curp-shape = The CURP (document_id) must be 18 characters: 4 letters, the birth date as YYMMDD, H or M, the 2-letter state code, 3 letters, then 2 characters, e.g. BOXW310820HNERXN09.
v-mx-curp-date = The CURP (document_id) holds a birth date (YYMMDD, after the first 4 letters) that does not exist, such as a 13th month or 30 February: check the CURP with the beneficiary.
v-mx-curp-check-digit = The CURP check digit does not match (document_id): check the CURP with the beneficiary.
v-mx-rfc-shape = The RFC (document_id) must be 12 characters for a company or 13 for a person: 3 or 4 letters, the date as YYMMDD, then the 3-character homoclave.
v-mx-rfc-date = The RFC (document_id) holds a date (YYMMDD, after the letters) that does not exist, such as a 13th month or 30 February: check the RFC with the beneficiary.
v-mx-rfc-check-advisory = The RFC's last character (document_id) does not match the check character computed from the others. About 1.5% of the RFCs the tax authority has issued fail this check, so it is not refused: if in doubt, confirm the RFC with the beneficiary.
v-mx-clabe-required = Enter the beneficiary's CLABE (bank_account): the 18-digit interbank account number.
v-mx-clabe-digits-only = The CLABE (bank_account) must contain only digits: 18 of them.
v-mx-clabe-check-digit = The CLABE check digit (the last digit) does not match (bank_account): check the CLABE with the beneficiary.
v-mx-bank-code-mismatch = The bank code (bank_code) does not match the bank in the CLABE (its first 3 digits). Leave the bank code empty: the CLABE already says which bank it is.
v-mx-card-number = This looks like a debit-card number, not a CLABE (bank_account). Payouts to debit cards go through the provider's separate card endpoint, which Cashout Desk does not use: ask the beneficiary for their 18-digit CLABE.
v-mx-clabe-length = The CLABE (bank_account) must be exactly 18 digits.

## Colombia: the document (CC, NIT, CE, passport), the address, bank and wallet payouts.
v-co-document-type-required = Enter the document type (document_type) for Colombia: CC, NIT, CE or PASS.
v-co-document-type-not-allowed = The document type (document_type) for Colombia must be CC (citizen ID), NIT (tax ID), CE (foreigner ID) or PASS (passport).
v-co-document-passport = The document (document_id) for a passport must be 6 to 10 letters or digits.
# $kind: CC or CE.
v-co-document-digits = The document (document_id) for a { $kind } must be 6 to 10 digits.
v-co-document-nit = The document (document_id) for a NIT must be 8 to 15 digits, e.g. 213.123.432-1.
v-co-nit-check-digit = The NIT check digit (the last digit) does not match (document_id): check the NIT with the beneficiary.
v-co-nit-unverified = The NIT (document_id) was entered in one piece, so whether its last digit is a check digit is not known and it could not be verified. If it is, write it after a hyphen (e.g. 213.123.432-1) to have it checked.
v-co-bank-code-required = Enter the bank code (bank_code): the bank's code from the provider's list, or 1507 Nequi, 1551 Daviplata, 10003 Efecty, 10006 Punto Red.
v-co-bank-code-unknown = The bank code (bank_code) is not a Colombian bank code: use the numeric code from the provider's bank list.
v-co-wallet-leave-account-empty = Leave the account number (bank_account) empty for this payout method: the beneficiary is reached by phone.
v-co-mobile-required = Enter the beneficiary's mobile number (phone) as +57 and 10 digits, e.g. +573001234567.
v-co-bank-account-required = Enter the beneficiary's account number (bank_account) for a bank transfer.
v-co-bank-account-format = The account number (bank_account) must be 8 to 19 digits.
v-co-account-type-choices = C (checking) or S (savings)
v-co-wallet-number-required = Enter the beneficiary's wallet mobile number in the account field (bank_account), digits only, e.g. 3001234567.
v-co-wallet-number-too-long = The wallet mobile number (bank_account) is longer than 20 digits.
v-co-wallet-number-format = The wallet mobile number (bank_account) must be digits only, without + or letters, e.g. 3001234567.
v-co-punto-red-email-required = Enter the beneficiary's e-mail address (email): Punto Red needs both phone and e-mail.
v-co-address-required = Enter the beneficiary's address (address): it is required for Colombia.

## Chile: the RUT, the bank code, the account and its type.
v-cl-document-type-not-allowed = The document type (document_type) for Chile must be ID, RUN or RUT, or left empty.
v-cl-rut-format = The RUT (document_id) must be 7 or 8 digits followed by a check digit or K, e.g. 12.531.909-2.
v-cl-rut-check-digit = The RUT check digit (after the hyphen) does not match (document_id): check the RUT with the beneficiary.
v-cl-bank-code-required = Enter the bank code (bank_code), e.g. 001 Banco de Chile, 012 BancoEstado, 037 Santander.
v-cl-bank-code-unknown = The bank code (bank_code) is not a Chilean bank code: use the numeric code from the provider's bank list, e.g. 001 Banco de Chile.
v-cl-bank-account-required = Enter the beneficiary's account number (bank_account).
v-cl-bank-account-format = The account number (bank_account) must be 6 to 16 digits.
v-cl-account-type-choices = C (checking), S (savings) or V (vista / salary account)

## Argentina: the document (DNI, CUIT, CUIL), the CBU or CVU, and iCash.
v-ar-document-type-not-allowed = The document type (document_type) for Argentina must be DNI, CUIT or CUIL, or left empty.
v-ar-document-type-dni-mismatch = The document type (document_type) says DNI, but the document has 11 digits like a CUIT/CUIL: set the type to CUIT or CUIL, or enter the DNI.
v-ar-cuit-prefix = The CUIT/CUIL (document_id) must start with 20, 23, 24, 27, 30, 33 or 34.
v-ar-cuit-check-digit = The CUIT/CUIL check digit (the last digit) does not match (document_id): check the number with the beneficiary.
v-ar-document-format = The document (document_id) must be a DNI of 7 to 9 digits or a CUIT/CUIL of 11 digits, e.g. 20-05536168-2.
v-ar-cbu-required = Enter the beneficiary's CBU or CVU (bank_account): 22 digits.
v-ar-cbu-length = The CBU or CVU (bank_account) must be exactly 22 digits.
v-ar-cbu-check-digit = The CBU/CVU check digits (the 8th and the last digit) do not match (bank_account): check the number with the beneficiary.
v-ar-bank-code-mismatch = The bank code (bank_code) does not match the first 3 digits of the CBU/CVU (bank_account). Leave the bank code empty: the CBU already says which bank it is.
v-ar-icash-leave-account-empty = Leave the account number (bank_account) empty for iCash: the beneficiary is reached by e-mail.
v-ar-icash-email-required = Enter the beneficiary's e-mail address (email): iCash payouts are sent to it.
v-ar-email-unconfirmed = No e-mail address (email): the provider's Argentina page lists it as required, and the reference does not confirm a bank transfer is accepted without one. Add the beneficiary's e-mail if you have it.

## Peru: the document (DNI, RUC, CE, passport), the CCI, and Yape/Plin.
v-pe-dni-format = The DNI (document_id) must be 8 digits, optionally followed by its check character (a digit or a letter A to K), e.g. 10117410-2.
v-pe-dni-check-character = The DNI check character (the 9th, after the hyphen) does not match (document_id): check the DNI with the beneficiary, or enter only its 8 digits.
v-pe-document-type-required = Enter the document type (document_type) for Peru: DNI, RUC, CE or PASS.
v-pe-document-type-not-allowed = The document type (document_type) for Peru must be DNI, RUC, CE (foreigner ID) or PASS (passport).
v-pe-ruc-check-digit = The RUC check digit (the last digit) does not match (document_id): check the RUC with the beneficiary.
v-pe-ruc-format = The RUC (document_id) must be 11 digits starting with 10, 15, 17 or 20.
# $kind: CE or PASS.
v-pe-ce-pass-format = The { $kind } number (document_id) must be 6 to 12 letters or digits.
v-pe-cci-required = Enter the beneficiary's CCI (bank_account): the 20-digit interbank account code.
v-pe-cci-digits-only = The CCI (bank_account) must contain only digits.
v-pe-cci-check-digit = The CCI check digits (the last two digits) do not match (bank_account): check the CCI with the beneficiary.
v-pe-cci-legacy-unconfirmed = The account (bank_account) has 18 digits ending in 00, a legacy form the provider's sample code lets through without check digits; the reference does not confirm the provider still accepts it. If you can, ask the beneficiary for the 20-digit CCI.
v-pe-cci-length = The CCI (bank_account) must be 20 digits (or 18 digits ending in 00).
v-pe-cci-unknown-bank = The first 3 digits of the CCI (bank_account) are not a known Peruvian bank code: check the CCI with the beneficiary.
v-pe-bank-code-mismatch = The bank code (bank_code) does not match the bank in the CCI (its first 3 digits). Leave the bank code empty: the CCI already says which bank it is.
v-pe-bank-code-unknown = The bank code (bank_code) is not a known Peruvian code: leave it empty for a bank transfer (the CCI says which bank), or use 901 Yape or 902 Plin.
v-pe-wallet-leave-account-empty = Leave the account number (bank_account) empty for Yape and Plin: the beneficiary is reached by phone.
v-pe-wallet-phone-required = Enter the beneficiary's phone number (phone) for Yape or Plin: 10 or 11 digits, optionally after a plus sign, e.g. +51987654321.
