# Validation messages of the new-cashout form and of batch rows: each country's own rules (es).

## Brasil: el documento (CPF o CNPJ), las claves PIX y el código de banco.
v-br-document-type-not-allowed = El tipo de documento (document_type) para Brasil debe ser CPF o CNPJ, o quedar vacío.
v-br-document-type-mismatch = El tipo de documento (document_type) no coincide con el documento: un CPF tiene 11 dígitos y un CNPJ, 14 caracteres. Corrija uno de los dos.
v-br-document-wrong-length = El documento (document_id) debe ser un CPF (11 dígitos) o un CNPJ (14 caracteres); tiene { $len ->
        [one] { $len } letra o dígito
       *[other] { $len } letras y dígitos
    }.
v-br-cpf-stray-character = El CPF (document_id) contiene un carácter que no es un dígito ni uno de los separadores habituales (puntos, guiones, barras, espacios): vuelva a escribirlo, p. ej. 390.533.447-05.
v-br-cpf-length = El CPF (document_id) debe tener 11 dígitos; tiene { $len }.
v-br-cpf-letters = El CPF (document_id) debe tener 11 dígitos, sin letras, p. ej. 390.533.447-05.
v-br-cpf-repeated = El CPF (document_id) es un mismo dígito repetido, lo que nunca es un CPF real: ingrese el CPF real del beneficiario.
v-br-cpf-check-digit = Los dígitos verificadores del CPF no coinciden (document_id): verifique el número con el beneficiario.
v-br-cnpj-stray-character = El CNPJ (document_id) contiene un carácter que no es una letra, un dígito ni uno de los separadores habituales (puntos, guiones, barras, espacios): vuelva a escribirlo, p. ej. 16.727.230/0001-97.
v-br-cnpj-length = El CNPJ (document_id) debe tener 14 caracteres; tiene { $len }.
v-br-cnpj-shape = El CNPJ (document_id) debe tener 12 letras o dígitos seguidos de 2 dígitos, p. ej. 16.727.230/0001-97.
v-br-cnpj-repeated = El CNPJ (document_id) es un mismo dígito repetido, lo que nunca es un CNPJ real: ingrese el CNPJ real de la empresa.
v-br-cnpj-check-digit = Los dígitos verificadores del CNPJ no coinciden (document_id): verifique el número con el beneficiario.
v-br-cnpj-advisory = El documento (document_id) es un CNPJ, el número de una empresa, pero la página de Brasil del proveedor pide el CPF del beneficiario y la referencia no confirma pagos a un CNPJ. Si el proveedor lo rechaza (documento inválido, 805), pague al CPF del titular de la cuenta.
v-br-cnpj-letters-unconfirmed = El CNPJ (document_id) tiene letras, como los CNPJ emitidos a partir de julio de 2026, y la referencia no confirma que el proveedor ya los acepte. Confírmelo con el proveedor antes de enviar un monto grande.
v-br-pix-random-key-refused = Las claves PIX aleatorias no se pueden enviar: la referencia del proveedor no confirma ningún código de banco para ellas, y el único campo que podría llevar la clave (bank_account) admite como máximo 30 caracteres, mientras que una clave aleatoria tiene 36. Pida al beneficiario otra clave PIX (CPF o CNPJ, teléfono o correo electrónico) o su cuenta bancaria.
v-br-pix-leave-account-empty = Deje vacío el número de cuenta (bank_account) para este tipo de clave PIX: la clave se toma de otro campo.
v-br-pix-leave-branch-empty = Deje vacía la agencia (bank_branch) para un pago PIX.
v-br-pix-phone-required = Ingrese el número de teléfono del beneficiario (phone): es la clave PIX de este pago, p. ej. +55 11 98765-4321.
v-br-pix-phone-not-mobile = Las claves PIX de teléfono son números de celular brasileños (+55, el código de área y luego 9 dígitos que empiezan por 9), y este número de teléfono (phone) no lo es, así que la consulta de la clave probablemente fallará (clave PIX inválida, 814). Verifique la clave con el beneficiario.
v-br-pix-email-required = Ingrese el correo electrónico del beneficiario (email): es la clave PIX de este pago.
v-br-pix-email-long = La clave PIX de correo electrónico (email) tiene más de { $max } caracteres, el límite que aplican muchos sistemas PIX; el proveedor acepta hasta 100, pero es posible que la clave no se encuentre. Verifique la clave con el beneficiario.
v-br-bank-code-required = Ingrese el código de banco (bank_code): el código de 3 dígitos del banco o su ISPB de 8 dígitos, o un código PIX (10000 teléfono, 10001 correo electrónico, 10002 documento).
v-br-bank-code-unknown = El código de banco (bank_code) no es un código brasileño conocido: use el código de 3 dígitos del banco o su ISPB de 8 dígitos, o un código PIX (10000 teléfono, 10001 correo electrónico, 10002 documento).

## Brasil, transferencias bancarias: cuenta, agencia (agência) y tipo de cuenta.
v-br-bank-account-required = Ingrese el número de cuenta del beneficiario (bank_account) para una transferencia bancaria.
# $bank: "known" (un banco de la tabla: "este banco") u "other" (cualquier banco brasileño);
# $last: "x" (el carácter verificador puede ser X) o "digit"; $count, $min, $max: cantidades de dígitos.
v-br-bank-account-shape-fixed = El número de cuenta (bank_account) no tiene el formato que usa { $bank ->
        [known] este banco
       *[other] un banco brasileño
    }: { $count } dígitos, luego un guion opcional y un carácter verificador ({ $last ->
        [x] un dígito o X
       *[digit] un dígito
    }).
v-br-bank-account-shape-range = El número de cuenta (bank_account) no tiene el formato que usa { $bank ->
        [known] este banco
       *[other] un banco brasileño
    }: de { $min } a { $max } dígitos, luego un guion opcional y un carácter verificador ({ $last ->
        [x] un dígito o X
       *[digit] un dígito
    }).
v-br-bank-branch-required = Ingrese el número de agencia (bank_branch, agência) para una transferencia bancaria.
v-br-bank-branch-format = La agencia (bank_branch, agência) debe tener de 1 a 5 dígitos, seguidos opcionalmente de un dígito verificador o X, p. ej. 1234 o 1234-5.
v-br-bank-account-type-choices = C (corriente) o S (ahorros)

## México: el documento (CURP, RFC, IFE, pasaporte) y la CLABE.
v-mx-document-type-not-allowed = El tipo de documento (document_type) para México debe ser CURP, RFC, IFE o PASS, o quedar vacío.
v-mx-document-format = El documento (document_id) para México debe tener de 7 a 18 letras y dígitos (CURP, RFC, IFE o número de pasaporte).
v-mx-document-type-ife-mismatch = El tipo de documento (document_type) indica IFE, pero el documento tiene la forma de { $named ->
        [CURP] una CURP
       *[other] un { $named }
    }: cambie el tipo a { $named } o ingrese el número de la IFE.
v-mx-curp-shape = La CURP (document_id) debe tener 18 caracteres: 4 letras, la fecha de nacimiento como AAMMDD, H o M, el código de 2 letras del estado, 3 letras y luego 2 caracteres, p. ej. BOXW310820HNERXN09.
v-mx-curp-date = La CURP (document_id) contiene una fecha de nacimiento (AAMMDD, después de las primeras 4 letras) que no existe, como un mes 13 o un 30 de febrero: verifique la CURP con el beneficiario.
v-mx-curp-check-digit = El dígito verificador de la CURP no coincide (document_id): verifique la CURP con el beneficiario.
v-mx-rfc-shape = El RFC (document_id) debe tener 12 caracteres para una empresa o 13 para una persona: 3 o 4 letras, la fecha como AAMMDD y luego la homoclave de 3 caracteres.
v-mx-rfc-date = El RFC (document_id) contiene una fecha (AAMMDD, después de las letras) que no existe, como un mes 13 o un 30 de febrero: verifique el RFC con el beneficiario.
v-mx-rfc-check-advisory = El último carácter del RFC (document_id) no coincide con el carácter verificador calculado a partir de los demás. Alrededor del 1.5% de los RFC emitidos por el SAT no pasan esta verificación, por lo que no se rechaza: si tiene dudas, confirme el RFC con el beneficiario.
v-mx-clabe-required = Ingrese la CLABE del beneficiario (bank_account): el número de cuenta interbancario de 18 dígitos.
v-mx-clabe-digits-only = La CLABE (bank_account) debe contener solo dígitos: 18 en total.
v-mx-clabe-check-digit = El dígito verificador de la CLABE (el último dígito) no coincide (bank_account): verifique la CLABE con el beneficiario.
v-mx-bank-code-mismatch = El código de banco (bank_code) no coincide con el banco de la CLABE (sus primeros 3 dígitos). Deje vacío el código de banco: la CLABE ya indica de qué banco se trata.
v-mx-card-number = Esto parece un número de tarjeta de débito, no una CLABE (bank_account). Los pagos a tarjetas de débito pasan por un endpoint de tarjetas aparte del proveedor, que Cashout Desk no usa: pida al beneficiario su CLABE de 18 dígitos.
v-mx-clabe-length = La CLABE (bank_account) debe tener exactamente 18 dígitos.

## Colombia: el documento (CC, NIT, CE, pasaporte), la dirección, los pagos a bancos y a billeteras.
v-co-document-type-required = Ingrese el tipo de documento (document_type) para Colombia: CC, NIT, CE o PASS.
v-co-document-type-not-allowed = El tipo de documento (document_type) para Colombia debe ser CC (cédula de ciudadanía), NIT (número de identificación tributaria), CE (cédula de extranjería) o PASS (pasaporte).
v-co-document-passport = El documento (document_id) de tipo pasaporte debe tener de 6 a 10 letras o dígitos.
# $kind: CC o CE.
v-co-document-digits = El documento (document_id) de tipo { $kind } debe tener de 6 a 10 dígitos.
v-co-document-nit = El documento (document_id) de tipo NIT debe tener de 8 a 15 dígitos, p. ej. 213.123.432-1.
v-co-nit-check-digit = El dígito verificador del NIT (el último dígito) no coincide (document_id): verifique el NIT con el beneficiario.
v-co-nit-unverified = El NIT (document_id) se ingresó sin separadores, así que no se sabe si su último dígito es un dígito verificador y no se pudo verificar. Si lo es, escríbalo después de un guion (p. ej. 213.123.432-1) para que se verifique.
v-co-bank-code-required = Ingrese el código de banco (bank_code): el código del banco en la lista del proveedor, o 1507 Nequi, 1551 Daviplata, 10003 Efecty, 10006 Punto Red.
v-co-bank-code-unknown = El código de banco (bank_code) no es un código de banco colombiano: use el código numérico de la lista de bancos del proveedor.
v-co-wallet-leave-account-empty = Deje vacío el número de cuenta (bank_account) para este método de pago: el beneficiario se identifica por su teléfono.
v-co-mobile-required = Ingrese el número de celular del beneficiario (phone) como +57 y 10 dígitos, p. ej. +573001234567.
v-co-bank-account-required = Ingrese el número de cuenta del beneficiario (bank_account) para una transferencia bancaria.
v-co-bank-account-format = El número de cuenta (bank_account) debe tener de 8 a 19 dígitos.
v-co-account-type-choices = C (corriente) o S (ahorros)
v-co-wallet-number-required = Ingrese el número de celular de la billetera del beneficiario en el campo de cuenta (bank_account), solo dígitos, p. ej. 3001234567.
v-co-wallet-number-too-long = El número de celular de la billetera (bank_account) tiene más de 20 dígitos.
v-co-wallet-number-format = El número de celular de la billetera (bank_account) debe tener solo dígitos, sin + ni letras, p. ej. 3001234567.
v-co-punto-red-email-required = Ingrese el correo electrónico del beneficiario (email): Punto Red necesita tanto el teléfono como el correo electrónico.
v-co-address-required = Ingrese la dirección del beneficiario (address): es obligatoria para Colombia.

## Chile: el RUT, el código de banco, la cuenta y su tipo.
v-cl-document-type-not-allowed = El tipo de documento (document_type) para Chile debe ser ID, RUN o RUT, o quedar vacío.
v-cl-rut-format = El RUT (document_id) debe tener 7 u 8 dígitos seguidos de un dígito verificador o K, p. ej. 12.531.909-2.
v-cl-rut-check-digit = El dígito verificador del RUT (después del guion) no coincide (document_id): verifique el RUT con el beneficiario.
v-cl-bank-code-required = Ingrese el código de banco (bank_code), p. ej. 001 Banco de Chile, 012 BancoEstado, 037 Santander.
v-cl-bank-code-unknown = El código de banco (bank_code) no es un código de banco chileno: use el código numérico de la lista de bancos del proveedor, p. ej. 001 Banco de Chile.
v-cl-bank-account-required = Ingrese el número de cuenta del beneficiario (bank_account).
v-cl-bank-account-format = El número de cuenta (bank_account) debe tener de 6 a 16 dígitos.
v-cl-account-type-choices = C (corriente), S (ahorros) o V (cuenta vista / cuenta sueldo)

## Argentina: el documento (DNI, CUIT, CUIL), el CBU o CVU, e iCash.
v-ar-document-type-not-allowed = El tipo de documento (document_type) para Argentina debe ser DNI, CUIT o CUIL, o quedar vacío.
v-ar-document-type-dni-mismatch = El tipo de documento (document_type) indica DNI, pero el documento tiene 11 dígitos, como un CUIT/CUIL: cambie el tipo a CUIT o CUIL, o ingrese el DNI.
v-ar-cuit-prefix = El CUIT/CUIL (document_id) debe comenzar con 20, 23, 24, 27, 30, 33 o 34.
v-ar-cuit-check-digit = El dígito verificador del CUIT/CUIL (el último dígito) no coincide (document_id): verifique el número con el beneficiario.
v-ar-document-format = El documento (document_id) debe ser un DNI de 7 a 9 dígitos o un CUIT/CUIL de 11 dígitos, p. ej. 20-05536168-2.
v-ar-cbu-required = Ingrese el CBU o CVU del beneficiario (bank_account): 22 dígitos.
v-ar-cbu-length = El CBU o CVU (bank_account) debe tener exactamente 22 dígitos.
v-ar-cbu-check-digit = Los dígitos verificadores del CBU/CVU (el 8.º y el último dígito) no coinciden (bank_account): verifique el número con el beneficiario.
v-ar-bank-code-mismatch = El código de banco (bank_code) no coincide con los primeros 3 dígitos del CBU/CVU (bank_account). Deje vacío el código de banco: el CBU ya indica de qué banco se trata.
v-ar-icash-leave-account-empty = Deje vacío el número de cuenta (bank_account) para iCash: el beneficiario se identifica por su correo electrónico.
v-ar-icash-email-required = Ingrese el correo electrónico del beneficiario (email): los pagos de iCash se envían a esa dirección.
v-ar-email-unconfirmed = Falta el correo electrónico (email): la página de Argentina del proveedor lo indica como obligatorio, y la referencia no confirma que se acepte una transferencia bancaria sin él. Agregue el correo electrónico del beneficiario si lo tiene.

## Perú: el documento (DNI, RUC, CE, pasaporte), el CCI, y Yape/Plin.
v-pe-dni-format = El DNI (document_id) debe tener 8 dígitos, seguidos opcionalmente de su carácter verificador (un dígito o una letra de la A a la K), p. ej. 10117410-2.
v-pe-dni-check-character = El carácter verificador del DNI (el 9.º, después del guion) no coincide (document_id): verifique el DNI con el beneficiario o ingrese solo sus 8 dígitos.
v-pe-document-type-required = Ingrese el tipo de documento (document_type) para Perú: DNI, RUC, CE o PASS.
v-pe-document-type-not-allowed = El tipo de documento (document_type) para Perú debe ser DNI, RUC, CE (carné de extranjería) o PASS (pasaporte).
v-pe-ruc-check-digit = El dígito verificador del RUC (el último dígito) no coincide (document_id): verifique el RUC con el beneficiario.
v-pe-ruc-format = El RUC (document_id) debe tener 11 dígitos y comenzar con 10, 15, 17 o 20.
# $kind: CE o PASS.
v-pe-ce-pass-format = El número del documento { $kind } (document_id) debe tener de 6 a 12 letras o dígitos.
v-pe-cci-required = Ingrese el CCI del beneficiario (bank_account): el código de cuenta interbancario de 20 dígitos.
v-pe-cci-digits-only = El CCI (bank_account) debe contener solo dígitos.
v-pe-cci-check-digit = Los dígitos verificadores del CCI (los dos últimos dígitos) no coinciden (bank_account): verifique el CCI con el beneficiario.
v-pe-cci-legacy-unconfirmed = La cuenta (bank_account) tiene 18 dígitos terminados en 00, una forma antigua que el código de ejemplo del proveedor deja pasar sin dígitos verificadores; la referencia no confirma que el proveedor todavía la acepte. Si puede, pida al beneficiario el CCI de 20 dígitos.
v-pe-cci-length = El CCI (bank_account) debe tener 20 dígitos (o 18 dígitos terminados en 00).
v-pe-cci-unknown-bank = Los primeros 3 dígitos del CCI (bank_account) no son un código de banco peruano conocido: verifique el CCI con el beneficiario.
v-pe-bank-code-mismatch = El código de banco (bank_code) no coincide con el banco del CCI (sus primeros 3 dígitos). Deje vacío el código de banco: el CCI ya indica de qué banco se trata.
v-pe-bank-code-unknown = El código de banco (bank_code) no es un código peruano conocido: déjelo vacío para una transferencia bancaria (el CCI indica el banco) o use 901 Yape o 902 Plin.
v-pe-wallet-leave-account-empty = Deje vacío el número de cuenta (bank_account) para Yape y Plin: el beneficiario se identifica por su teléfono.
v-pe-wallet-phone-required = Ingrese el número de teléfono del beneficiario (phone) para Yape o Plin: 10 u 11 dígitos, opcionalmente después de un signo más, p. ej. +51987654321.
