# Cashout Desk — los mensajes del núcleo (español latinoamericano; el inglés es el idioma de referencia).
# Cada id de este archivo existe también en en y pt-BR con las mismas variables (verificado en CI).

## Estados: una etiqueta corta y lo que significa para un operador.
status-PENDING = Pendiente
status-PENDING-meaning = Aceptado por el proveedor, aún no enviado al banco. Se puede retener o cancelar.
status-COMPLETED = Completado
status-COMPLETED-meaning = El dinero llegó al beneficiario. El banco todavía puede devolverlo más adelante.
status-CANCELLED = Cancelado
status-CANCELLED-meaning = Cancelado antes de llegar al banco. No se movió dinero.
status-REJECTED = Rechazado
status-REJECTED-meaning = El banco rechazó o devolvió el pago. Consulte el código de rechazo.
status-DELIVERED = Entregado
status-DELIVERED-meaning = Enviado al banco. Ya no se puede cancelar.
status-ON_HOLD = En espera
status-ON_HOLD-meaning = Retenido: el monto sigue reservado y no se envía nada hasta que se libere.
status-DECLINED = Declinado
status-DECLINED-meaning = El proveedor rechazó la solicitud. No se creó ningún retiro.
status-UNKNOWN = Estado desconocido
status-UNKNOWN-meaning = El proveedor informó un estado que Cashout Desk no conoce. No se puede realizar ninguna acción sobre él hasta recibir un estado conocido; se sigue consultando como un pago abierto.
status-IN_BATCH = En un lote
status-IN_BATCH-meaning = Una fila de un lote, aún no enviada: se envía cuando su lote se envía o se reanuda.
status-NOT_SENT = No enviado
status-NOT_SENT-meaning = Nunca salió de este escritorio; puede enviarse de nuevo con el mismo external_id.
status-UNCONFIRMED = Sin confirmar
status-UNCONFIRMED-meaning = Se envió, pero no llegó la respuesta del proveedor; se consulta por su external_id antes de reenviar nada.
status-ABANDONED = Abandonado
status-ABANDONED-meaning = Un operador dejó de verificar esta creación; el motivo está en el registro de auditoría.

## Códigos de error del proveedor (el `code` del cuerpo de una llamada fallida): qué pasó y qué hacer.
api-code-300 = El proveedor rechazó un campo; su mensaje indica cuál.
api-code-302 = La Payload-Signature no coincidió. Verifique la API Signature guardada para este entorno.
api-code-303 = El código de banco no es válido para este país.
api-code-401 = La API Key o la API Passphrase no son correctas para este entorno.
api-code-402 = La dirección IP de esta computadora no está en la lista de IP permitidas para retiros del Merchant Panel (Settings → API Access).
api-code-502 = El proveedor no pudo leer el cuerpo de la solicitud.
api-code-503 = Los límites regulatorios de la cuenta del beneficiario impiden este pago.
api-code-504 = El beneficiario no está autorizado debido a su situación en el registro fiscal.
api-code-508 = Se superó un límite por transacción, diario o mensual de la cuenta del comercio.
api-code-509 = No existe ningún retiro con este id en este entorno.
api-code-510 = El estado actual del retiro no permite este cambio.
api-code-511 = Este external_id ya se usó para otro retiro.
api-code-514 = El saldo del comercio no cubre este pago.
api-code-515 = El beneficiario está en la lista negra, bloqueado o suspendido.
api-code-518 = Los pagos a este país no están disponibles para esta cuenta.
api-code-519 = La cuenta del comercio no está habilitada para retiros.
api-code-521 = Ese estado no se puede solicitar a través de este endpoint.
api-code-524 = Las credenciales no son válidas para retiros; contacte al equipo de integración del proveedor.
api-code-525 = Rechazado por la regla de circuito cerrado (close-loop): solo se puede pagar a cuentas que hayan depositado.
api-code-526 = La moneda no se acepta para este país.
api-code-533 = El monto es inferior al mínimo para este país.
api-code-537 = El proveedor no pudo realizar el retiro; contacte a su equipo de integración.
api-code-538 = La cuenta del beneficiario está en la lista negra.
api-code-539 = Este método de pago o banco no está habilitado para el país.
api-code-540 = Se requiere el correo electrónico o el teléfono del beneficiario.
api-code-541 = Este correo electrónico ya lo usa otro beneficiario.
api-code-542 = Este teléfono ya lo usa otro beneficiario.
api-code-543 = El número de teléfono no es válido.
api-code-565 = El banco no tiene licencia para procesar esta transacción.
api-code-702 = El proveedor no pudo cancelar el retiro.
api-code-703 = El proveedor no pudo realizar el retiro; contacte a su equipo de integración.
api-code-unknown = El proveedor respondió con un código que esta versión no conoce; su mensaje da más detalles.

## Códigos de rechazo bancario de los retiros REJECTED.
rejection-code-800 = El número de cuenta bancaria no es válido.
rejection-code-801 = La cuenta bancaria está cerrada.
rejection-code-802 = El banco rechazó el monto.
rejection-code-803 = El código de banco no es válido.
rejection-code-804 = La sucursal bancaria no es válida.
rejection-code-805 = El documento del beneficiario no es válido.
rejection-code-806 = El nombre no coincide con los registros del banco.
rejection-code-807 = El banco rechazó el pago sin un motivo específico.
rejection-code-808 = Rechazado por otro motivo; solicite los detalles al proveedor.
rejection-code-809 = El pago venció antes de que pudiera completarse.
rejection-code-810 = Se superó el límite del beneficiario.
rejection-code-811 = El pago infringe la política de riesgo del banco.
rejection-code-812 = La cuenta del beneficiario está bloqueada o congelada.
rejection-code-813 = El documento no coincide con el titular de la cuenta.
rejection-code-814 = La clave PIX no es válida o no está registrada.
rejection-code-815 = El código IFSC no es válido.
rejection-code-816 = La cuenta o el código IFSC no son válidos.
rejection-code-817 = El NBIN no es válido.
rejection-code-818 = La cuenta no puede recibir transferencias.
rejection-code-819 = El tipo de cuenta no corresponde a esta cuenta.
rejection-code-820 = Rechazado a solicitud del comercio.
rejection-code-821 = Se superó el límite mensual del beneficiario.
rejection-code-822 = El nombre de la cuenta debe escribirse en katakana.
rejection-code-823 = Rechazado a solicitud del comercio (código heredado).
rejection-code-824 = Rechazado por un control de terceros.
rejection-code-826 = El banco revirtió el pago después de completado.
rejection-code-unknown = Rechazado con un código que esta versión no conoce; consulte el motivo del rechazo.

## El resumen (ventana y CLI)
overview-chart-summary = { $currency }, { $days ->
    [one] { $days } día
   *[other] { $days } días
  } del { $first } al { $last }: enviado { $sum } en { $count ->
    [one] { $shown } pago
   *[other] { $shown } pagos
  }; el día mayor { $day }, { $daysum }.
overview-chart-summary-empty = { $currency }, { $days ->
    [one] { $days } día
   *[other] { $days } días
  } del { $first } al { $last }: nada enviado ({ $sum }, { $count } pagos).

## El formulario de nuevo retiro: etiquetas, ayudas, métodos, países, tipos de cuenta
field-external-id = Id externo
hint-external-id = si se deja vacío, se genera al revisar
field-amount = Monto
hint-amount = p. ej. { $example }
field-currency = Moneda
field-document-type = Tipo de documento
field-document-id = Número de documento
field-first-name = Nombre del beneficiario
field-last-name = Apellido del beneficiario
field-address = Dirección
field-notification-url = URL de notificación
hint-notification-url = https://…, puerto 443
field-comments = Comentarios
hint-comments = ensayos en sandbox: sandbox:reject=814, sandbox:decline=514, …
field-clabe = CLABE
hint-clabe = 18 dígitos, p. ej. 021790064060296642
field-cci = CCI
hint-cci = 20 dígitos, p. ej. 00219300153895206813
field-cbu = CBU / CVU
hint-cbu = 22 dígitos, p. ej. 2850590940090418135201
field-account-number = Número de cuenta
hint-account-co = de 8 a 19 dígitos
hint-account-cl = de 6 a 16 dígitos
hint-account-br = con su dígito verificador, p. ej. 3423422-7
field-branch = Agencia (agência)
hint-branch = p. ej. 1234
field-account-type = Tipo de cuenta
field-email = Correo electrónico
hint-email-ar = la página del proveedor para Argentina lo pide
field-pix-phone = Clave PIX (teléfono)
hint-pix-phone = celular, p. ej. (11) 98765-4321 o +55 11 98765-4321
field-pix-email = Clave PIX (correo)
hint-pix-email = ana@example.com (se envía en minúsculas)
field-mobile = Número de celular
hint-mobile = solo dígitos, p. ej. 3001234567
field-phone = Teléfono
hint-phone = 10 u 11 dígitos
hint-phone-co = +57 y 10 dígitos
field-bank = Banco
method-transfer = Transferencia bancaria
method-transfer-named = Transferencia bancaria ({ $account })
# A PIX method in the method picker (the bank list's own name stays in English for records).
method-pix-phone = PIX — clave de teléfono
method-pix-email = PIX — clave de correo electrónico
method-pix-document = PIX — clave de documento (CPF/CNPJ)
method-pix-random = PIX — clave aleatoria (EVP)
country-BR = Brasil
country-MX = México
country-CO = Colombia
country-PE = Perú
country-CL = Chile
country-AR = Argentina
account-type-C = corriente
account-type-S = ahorros
account-type-V = cuenta vista / sueldo
account-type-M = cuenta maestra

## Montos escritos por un operador, rechazados en el campo del monto
amount-not-a-number = el monto no es un número: escriba dígitos, con un punto antes de los centavos (p. ej. 150.25)
# Typed in a locale whose amounts are not written 150.25; $example is that locale's way (1.234,56).
amount-not-a-number-here = el monto no es un número: escriba dígitos, como { $example }
amount-not-positive = el monto debe ser mayor que cero
amount-too-many-decimals = el monto puede tener como máximo 2 decimales
amount-too-large = el monto es mayor que 1.000.000.000
amount-exponent = no se aceptan exponentes en los montos: escriba el monto completo (p. ej. 1000)
amount-ambiguous = { $typed } es ambiguo: se lee como { $thousands } donde '{ $separator }' separa los miles, y como { $decimal } donde marca los decimales; escriba { $thousands } o { $decimal }
amount-three-decimals = { $typed } es ambiguo: se lee como { $thousands } donde '{ $separator }' separa los miles; donde marca los decimales tendría tres decimales, que un monto no puede tener; escriba { $thousands } si eso es lo que quiere decir
amount-grouped = escriba el monto sin separadores de miles, con un punto antes de los centavos (p. ej. { $suggestion })
amount-unreadable = { $typed } no se puede leer como monto: escríbalo sin separadores de miles, con un punto antes de los centavos (p. ej. 1234.56)
amount-other-locale = { $typed } no está escrito como se escriben los montos en { $locale }: escríbalo como { $example }
amount-decimal-comma = escriba los centavos después de un punto, no de una coma (p. ej. { $suggestion })

## La revisión de una creación, sobre el cuerpo
review-beneficiary = Beneficiario
review-document = Documento
review-pix-phone = Clave PIX (teléfono)
review-pix-email = Clave PIX (correo)
review-pix-document = Clave PIX (documento)
review-pix-random = Clave PIX (aleatoria)
review-wallet = Billetera
review-account = Cuenta
review-phone = Teléfono
review-email = Correo electrónico
review-bank = Banco
review-bank-from-account = según el número de cuenta
review-branch = agencia { $branch }
review-account-type = tipo de cuenta { $type }
review-amount = Monto
review-created = Creación
review-created-approval = en espera hasta que otro operador lo apruebe
review-created-on-hold = en espera (se libera a mano)
review-external-id = Id externo
review-environment = Entorno

## Notificaciones de escritorio del seguimiento
notice-late-rejection = Rechazo tardío: fondos devueltos después de COMPLETED
notice-rejected = Pago rechazado
notice-completed = Pago completado
notice-on-hold = En espera hace { $held }: los fondos siguen reservados
notice-held-since = desde { $since }
notice-payout-to = { $amount } a { $beneficiary } ({ $id })
notice-payout = { $amount } ({ $id })
notice-a-payout = Un pago
notice-cashout = retiro { $id }
notice-external-id = id externo { $id }

## Qué significa el estado de un pago, cuando dice más que un estado
state-sent-not-found = Enviado, aún no encontrado: el proveedor no mostró este pago al consultarlo por su id externo, pero puede existir (sus registros pueden demorarse). Se vuelve a consultar solo, cada vez con menos frecuencia, hasta que termina la ventana de creaciones abiertas (una configuración); después solo un operador lo resuelve. Reenviarlo con el mismo id externo es seguro: si el proveedor lo tiene, se encuentra, nunca se paga dos veces.
state-checking = Verificando con el proveedor: se perdió la respuesta a esta creación. Se consulta por su id externo; mientras tanto no se reenvía nada.
state-queued = En espera en su lote: aún no enviado. Se envía cuando su lote se envía o se reanuda, y se marca como nunca enviado si se cancela el resto del lote.
state-not-sent = No se envió nada: la solicitud nunca salió de esta computadora. Reintentar la envía con el mismo id externo.
state-abandoned = Abandonado por un operador: el escritorio ya no lo verifica. Si el proveedor lo recibió, todavía puede pagarse.
state-unknown-status = El proveedor informa el código de estado { $code }. { $meaning }
state-with-last = { $text } Último: { $last }.

## Errores del núcleo: qué salió mal y qué hacer (los detalles que vienen de otra parte se conservan tal cual)
err-validation-invalid = la solicitud no es válida
err-validation-more = { $field }: { $message } (y { $count } más)
err-api = { $message } (código del proveedor { $code }: { $explanation })
err-network = no se pudo contactar al proveedor o no respondió: { $detail }
err-not-sent = no se envió nada: { $detail }; el pago se conserva como no enviado, y al enviarlo de nuevo se usa el mismo external_id { $external_id }
err-action-unknown = puede que la operación { $action } se haya aplicado o no: { $detail }
err-provider-fault = no se confió en la respuesta del proveedor y no se registró nada de ella: { $detail }
err-unknown-status = el proveedor informa el código de estado { $code }, que este escritorio no conoce; no se permite ninguna acción hasta que el proveedor informe un estado conocido
err-outcome-unknown = aún no se conoce el resultado del retiro { $external_id } ({ $detail }); se conserva en el diario y se verificará por su external_id antes de reenviar nada
err-malformed-answer = no se pudo leer la respuesta del proveedor: { $detail }
err-unsettled-external-id = el id externo { $external_id } se generó para un pago anterior que puede haberse enviado y aún no está resuelto (verificando…); ábralo y reenvíelo o abandónelo antes de enviar un pago corregido
err-external-id-conflict = el external_id { $external_id } ya se usó en este entorno para un pago diferente; elija otro external_id o reenvíe la solicitud idéntica
err-possible-duplicate = en las últimas 24 horas se solicitó un pago idéntico (mismo monto, moneda, documento y cuenta) con el external_id { $external_id } (ahora { $now }); ábralo para verificarlo o reanudarlo o, para pagar una segunda vez a propósito, indíquelo explícitamente (aplicación de escritorio: “Pagar de nuevo a propósito”; CLI: --pay-again-of { $external_id })
err-action-not-allowed = no se puede aplicar { $action } a un retiro que está en { $status }
err-missing-credentials = no hay credenciales guardadas para { $environment }; guárdelas en Configuración (aplicación de escritorio) o con `cashout credentials set`
err-missing-read-only-key = la lista de bancos del proveedor necesita la clave de solo lectura, y no hay ninguna guardada para { $environment }; guárdela con las credenciales (Configuración, o la cuarta línea de `cashout credentials set`)
err-journal = falló el diario: { $detail }
err-team-journal = el diario del equipo: { $detail }
err-team-schema-newer = el esquema del diario del equipo es la versión { $found }, más reciente de la que este escritorio conoce ({ $expected }): actualice Cashout Desk antes de usar el diario del equipo; no se escribió nada
err-team-schema-older = el esquema del diario del equipo es la versión { $found }, más antigua de la que este escritorio necesita ({ $expected }): el administrador del equipo debe ejecutar `cashout team migrate`; no se escribió nada
