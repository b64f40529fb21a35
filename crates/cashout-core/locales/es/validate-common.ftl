# Validation messages of the new-cashout form and of batch rows: the rules common to every country (es).

## Dígitos verificadores y la excepción de sandbox/staging ($message: la frase de la regla del país)
v-check-digit-let-through = { $message } Se acepta solo porque la excepción de dígitos verificadores está activada (sandbox y staging).
v-check-digit-override-hint = { $message } (En sandbox y staging puede activar la excepción de dígitos verificadores para probar con los datos de ejemplo del proveedor.)
v-override-not-allowed = La excepción de dígitos verificadores solo existe en sandbox y staging: desactívela para enviar en este entorno.

## Campos comunes a todos los países ($country: el nombre del país; $field: el campo de la solicitud, tal cual)
v-hidden-character =
    { $field ->
        [beneficiary_name] El nombre del beneficiario
        [beneficiary_lastname] El apellido del beneficiario
        [address] La dirección
        [city] La ciudad
        [postal_code] El código postal
        [comments] El comentario
        [email] El correo electrónico
        [notification_url] La URL de notificación
       *[other] El campo { $label }
    } ({ $field }) contiene un carácter de control o invisible (un salto de línea, un espacio de ancho cero, …): vuelva a escribir el texto.
v-external-id-characters = El id del pago (external_id) solo puede contener letras, dígitos y signos de puntuación, sin espacios ni acentos.
v-country-required = Indique el país (country) con su código de dos letras: BR, MX, CO, PE, CL o AR.
v-country-not-supported = El país (country) debe ser BR, MX, CO, PE, CL o AR (códigos ISO de dos letras); no se admiten pagos a otros países.
v-currency-not-allowed = La moneda (currency) para { $country } debe ser { $currency } o USD.
v-currency-required = Elija la moneda del monto (currency): { $currency } o USD.
v-amount-required = Indique el monto a pagar (amount).
v-clp-no-cents = Los pesos chilenos (CLP) no tienen centavos: ingrese un monto entero (amount). Si se refería a dólares estadounidenses, cambie la moneda a USD.
v-name-required = Ingrese el nombre del beneficiario (beneficiary_name).
v-lastname-required = Ingrese el apellido del beneficiario (beneficiary_lastname): es obligatorio para { $country }.
v-document-required = Ingrese el número de documento del beneficiario (document_id): el proveedor rechaza los pagos sin él.
v-email-format = El correo electrónico (email) no parece una dirección: necesita un nombre, una @ y un dominio como example.com.
v-phone-format = El número de teléfono (phone) debe tener de 7 a 15 dígitos, opcionalmente precedidos de un signo más y el código de país, p. ej. +573001234567.
v-account-type-not-allowed = El tipo de cuenta (account_type) para { $country } debe ser uno de estos: { $choices }.
v-account-type-required = Indique el tipo de cuenta (account_type) para una transferencia bancaria: { $choices }.
v-birthdate-unconfirmed = La fecha de nacimiento (beneficiary_birthdate) se envía tal como se escribió, pero la referencia no indica qué formato espera el proveedor. Déjela vacía salvo que el proveedor la haya pedido, o confirme el formato con él.

## Teléfonos brasileños
v-phone-not-a-number = El número de teléfono (phone) debe contener solo dígitos, opcionalmente precedidos de un signo más y el código de país, p. ej. +55 11 98765-4321.
v-phone-not-brazilian = El número de teléfono (phone) empieza por +55 pero no es un número brasileño: después de +55 van el código de área de 2 dígitos y 8 o 9 dígitos, p. ej. +55 11 98765-4321.
v-phone-no-country-code = El número de teléfono (phone) no tiene código de país y no es un código de área brasileño seguido de un número celular o fijo: escríbalo con +55, el código de área y el número (p. ej. +55 11 98765-4321), o con su propio código de país.

## Límites de longitud ($what: uno de los nombres v-what-… de abajo; $len, $max: cantidades de caracteres)
v-too-long = El campo { $what } tiene { $len } caracteres; el proveedor acepta como máximo { $max }. Acórtelo.
v-what-external-id = id del pago (external_id)
v-what-beneficiary-name = nombre del beneficiario (beneficiary_name)
v-what-beneficiary-lastname = apellido del beneficiario (beneficiary_lastname)
v-what-email = correo electrónico (email)
v-what-phone = número de teléfono (phone)
v-what-bank-account = número de cuenta (bank_account)
v-what-address = dirección (address)
v-what-comments = comentario (comments)

## La URL de notificación
v-url-required = Ingrese la URL de notificación (notification_url): la dirección https:// donde el proveedor informa los cambios de estado.
v-url-spaces = La URL de notificación (notification_url) contiene espacios; elimínelos.
v-url-not-full = La URL de notificación (notification_url) debe ser una dirección completa que empiece por https://.
v-url-credentials = La URL de notificación (notification_url) no debe contener un nombre de usuario ni una contraseña; use en su lugar una ruta o un encabezado secretos.
v-url-unclosed-bracket = La URL de notificación (notification_url) tiene un [ sin cerrar en el host.
v-url-invalid-host = La URL de notificación (notification_url) tiene un host no válido.
v-url-invalid-port = La URL de notificación (notification_url) tiene un número de puerto no válido.
v-url-no-host = La URL de notificación (notification_url) no tiene un nombre de host válido.
v-url-not-https = La URL de notificación (notification_url) debe empezar por https://.
v-url-port = La URL de notificación (notification_url) usa un puerto al que el proveedor no llama: solo llama a los puertos 80 y 443. Quite el puerto o use 443.
v-url-plain-http = La URL de notificación (notification_url) debe empezar por https://; http:// sin cifrar solo se acepta para este equipo (localhost, 127.0.0.1, ::1).

## Una creación escrita en JSON por otros (`cashout create --json`), leída antes de cualquier regla.
## $field y $key: el nombre del campo tal como se escribió; $kind: una de las palabras v-json-type-*.
v-json-too-long = la solicitud tiene { $size } bytes; una creación tiene como máximo { $limit } bytes de JSON
# $kind: v-json-kind-list, v-json-kind-nothing o v-json-kind-value.
v-json-not-an-object = una creación es un solo objeto JSON con campos con nombre, p. ej. {"{"}"country": "BR", …{"}"}; esto es { $kind }
v-json-kind-list = una lista ([…])
v-json-kind-nothing = nada
v-json-kind-value = un valor suelto
v-json-invalid = la solicitud no es JSON válido (línea { $line }, columna { $column })
v-json-object-required = una creación es un solo objeto JSON con campos con nombre
v-json-amount-as-text = el monto debe llegar como el texto escrito (aquí un número ya perdió la forma en que se escribió)
v-json-value-unreadable = no se puede leer el valor de { $field }
v-json-text-required = { $field } debe ser texto; es { $kind }
v-json-text-not-number = { $field } debe ser texto entre comillas (como número se perderían los ceros a la izquierda y los dígitos largos); es { $kind }
v-json-key-unnamed = una clave sin nombre ({ $key })
v-json-key-twice = { $key } se da más de una vez; indíquelo una sola vez
v-json-on-hold = on_hold debe ser true o false; es { $kind }
v-json-not-a-field = { $key } no es un campo de una creación
v-json-credentials-not-fields = { $key } no es un campo de una creación (las credenciales nunca forman parte de la solicitud: vienen del llavero)
v-json-amount-kind = amount debe ser un número o texto; es { $kind }
v-json-type-text = texto
v-json-type-object = un objeto
v-json-type-list = una lista
v-json-type-boolean = true/false
v-json-type-null = null
v-json-type-number = un número
