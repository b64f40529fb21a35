## Refusals and details written inside the core (periods, settings, approvals, workspaces).
## Ids start with `d-`; English is the wording the tests compare.

## Períodos y zonas horarias ($day, $first, $last: fechas AAAA-MM-DD)
# $name: la zona horaria tal como se escribió, entre comillas dobles.
d-time-zone-unknown = { $name } no es una zona horaria que esta computadora conozca (p. ej. America/Bogota)
# $typed: la fecha tal como se escribió, entre comillas dobles.
d-period-not-a-date = { $typed } no es una fecha; escríbala como AAAA-MM-DD (p. ej. 2026-11-30)
d-period-ends-before-start = el período termina ({ $last }) antes de empezar ({ $first })
# $days: la cantidad máxima de días de un gráfico, en dígitos.
d-period-too-long = elija como máximo { $days } días
# Fechas en los extremos del calendario que conoce la biblioteca de fechas; $detail: sus propias palabras.
d-period-day-no-start = { $day } no tiene inicio en esta zona horaria: { $detail }
d-period-day-out-of-range = { $day } está fuera del rango admitido
d-period-last-date = { $day } es la última fecha posible
d-period-no-yesterday = no existe el día anterior

## Configuración ($detail: lo que dijo el lector o el sistema de archivos, tal como lo dijo)
d-settings-not-an-object = la configuración es un único objeto de valores con nombre
d-settings-unreadable = no se pudo leer la configuración ({ $detail })
# $step: el paso del guardado que falló: encoding, folder, writing o replacing.
d-settings-not-saved = no se pudo guardar la configuración ({ $step ->
    [encoding] al codificarla
    [folder] al crear la carpeta
    [writing] al escribirla
    [replacing] al reemplazar el archivo
   *[other] { $step }
  }: { $detail }); sigue vigente la configuración anterior
d-settings-open-window-range = las creaciones sin confirmar se consultan entre 1 y 720 horas
## Un valor de configuración de un tipo incorrecto (p. ej. texto donde va un número), en su campo
d-settings-choose-environment = Elija uno de los entornos ofrecidos.
d-settings-enter-host = Ingrese el host como texto.
d-settings-enter-base-url = Ingrese la URL base como texto.
d-settings-enter-url = Ingrese la URL como texto.
d-settings-whole-days = Ingrese un número entero de días.
d-settings-whole-hours = Ingrese un número entero de horas.
d-settings-tick-box = Marque o desmarque la casilla.
d-settings-choose-language = Elija un idioma.

## Los entornos tal como los ofrece la Configuración (OKP y D24 son las marcas de los proveedores)
d-env-sandbox = Sandbox (integrado, credenciales de demostración)
d-env-okp-staging = OKP staging (pruebas)
d-env-d24-staging = D24 staging (pruebas)
d-env-d24-production = D24 producción
d-env-okp-production = OKP producción (host proporcionado por OKP)
d-env-custom = Personalizado (cualquier URL base https)
d-env-local = Local (una URL de loopback, solo CLI)

## Una URL base o un host rechazados
d-url-not-https = la URL debe empezar por https:// (http sin cifrar solo se admite para 127.0.0.1, ::1 y localhost)
d-url-no-host = la URL no tiene host
d-url-has-extras = la URL debe ser solo un host, sin ruta, consulta ni credenciales
d-url-host-required = este entorno necesita un host; ingrese el que le dio su proveedor
# $name: el nombre tal como se escribió, entre comillas dobles; los nombres que siguen se escriben tal cual.
d-url-unknown-environment = entorno desconocido { $name }; use uno de estos: sandbox, okp-staging, d24-staging, d24-production, okp-production, custom, local
d-url-sandbox-not-loopback = el sandbox se ejecuta en esta computadora: su URL debe ser de loopback (127.0.0.1, ::1 o localhost)
d-url-local-not-loopback = el entorno local es solo para URL de loopback (127.0.0.1, ::1 o localhost)
d-url-bad-character = la URL tiene un espacio o un carácter que ningún nombre de host puede tener
d-url-bad-port = el puerto debe ser un número del 1 al 65535

## Aprobaciones
# Hasta dónde llegó una aprobación ("1 de 2 aprobaciones"); el escritorio agrega después
# d-approval-approved-by y d-approval-rejected-by, unidos por " · ". $approved: dígitos; $required: una cantidad.
d-approval-progress = { $approved } de { $required ->
    [one] { $required } aprobación
   *[other] { $required } aprobaciones
  }
# $names: los usuarios de los aprobadores, unidos por ", ".
d-approval-approved-by = por { $names }
d-approval-rejected-by = rechazada por { $names }
d-approvals-need-team-journal = las aprobaciones se guardan en un diario del equipo; este escritorio usa su diario local
# La advertencia de la revisión sobre un pago que requiere aprobación. $threshold: monto en texto decimal;
# $currency: código ISO; $approvers: aprobadores necesarios (una cantidad, 1 o 2); $hours: cuánto puede esperar.
d-needs-approval = un pago de { $threshold } { $currency } o más requiere la aprobación de { $approvers ->
    [one] otro operador
   *[other] otros { $approvers } operadores
  }: se envía en espera, sus fondos quedan reservados y se libera cuando se aprueba (se cancela si se rechaza o no se aprueba en { $hours } h)
# Una retención o liberación a mano, rechazada. $id: el id del retiro; $state: el estado guardado de la aprobación;
# $action: hold (retener) o release (liberar).
d-by-hand-under-approval-open = el retiro { $id } requiere aprobación y su aprobación está { $state ->
    [waiting] pendiente
    [approved] aprobada
    [rejected] rechazada
    [expired] vencida
    [released] liberada
    [cancelled] cancelada
    [closed] cerrada
   *[other] en estado { $state }
  }: solo se libera a través del flujo de aprobación, nunca se { $action ->
    [hold] retiene
   *[other] libera
  } a mano; decídala en Aprobaciones
d-by-hand-under-approval-closed = el retiro { $id } requiere aprobación y su aprobación está { $state ->
    [waiting] pendiente
    [approved] aprobada
    [rejected] rechazada
    [expired] vencida
    [released] liberada
    [cancelled] cancelada
    [closed] cerrada
   *[other] en estado { $state }
  }: solo se libera a través del flujo de aprobación, nunca se { $action ->
    [hold] retiene
   *[other] libera
  } a mano; se puede cancelar
# $count: pagos en aprobación cuya respuesta de creación se perdió (una cantidad).
d-by-hand-unidentified = el retiro { $id } no es uno de los pagos de este diario, y { $count ->
    [one] { $count } pago en aprobación aún no tiene id de retiro (se perdió la respuesta a su creación)
   *[other] { $count } pagos en aprobación aún no tienen id de retiro (se perdieron las respuestas a sus creaciones)
  }: puede ser uno de ellos, así que no se { $action ->
    [hold] retiene
   *[other] libera
  } a mano
## Por qué el operador con sesión iniciada no puede votar una aprobación
d-approval-why-not-none = este pago no requiere aprobación
# $state: como en d-by-hand-under-approval-open.
d-approval-why-not-decided = la aprobación ya está { $state ->
    [waiting] pendiente
    [approved] aprobada
    [rejected] rechazada
    [expired] vencida
    [released] liberada
    [cancelled] cancelada
    [closed] cerrada
   *[other] en estado { $state }
  }
d-approval-why-not-own = usted preparó este pago: lo aprueba otro operador
d-approval-why-not-voted = usted ya votó; espera a otro aprobador
d-approval-why-not-approver = su usuario no es aprobador del equipo
## El veredicto de la protección contra duplicados sobre un pago en aprobación
d-duplicate-verdict-none = Ningún otro pago del mismo monto a la misma cuenta a menos de un día de este.
# $count: cuántos (una cantidad); $ids: sus ids externos, unidos por ", ".
d-duplicate-verdict = { $count ->
    [one] Otro pago
   *[other] { $count } otros pagos
  } del mismo monto a la misma cuenta a menos de un día de este: { $ids }. Verifique que no se pague dos veces.
## La notificación de escritorio de las aprobaciones que esperan al operador con sesión iniciada
d-approvals-waiting-one = Un pago espera su aprobación
# $count: más de uno, en dígitos.
d-approvals-waiting-many = { $count } pagos esperan su aprobación
# $amount: texto decimal; $currency: código ISO; $beneficiary: tal como se envió; $who: el usuario de quien lo preparó.
d-approvals-waiting-body = { $amount } { $currency } a { $beneficiary }, preparado por { $who }
d-approvals-waiting-body-newest = El más reciente: { $amount } { $currency } a { $beneficiary }, preparado por { $who }
## Votos y liquidaciones
d-approval-reason-required = indique por qué se rechaza el pago (lo leen quien lo preparó y el registro de auditoría)
d-policy-reason-required = indique por qué se rechaza el cambio de la política
# $record: el número de registro del pago en el diario.
d-approval-not-the-payout = el registro del pago { $record } indica el retiro { $cashout_id }, que no es el pago que aprobaron sus aprobadores (external_id { $external_id }); no se envía nada
d-approval-disappeared = la aprobación desapareció
d-approval-no-record = no hay ningún pago { $record } en el diario
## Un cambio propuesto de la política de aprobación, rechazado en su campo
d-policy-currency = una moneda es su código ISO de tres letras, p. ej. BRL
# $detail: por qué se rechazó el monto.
d-policy-threshold = el umbral es un monto: { $detail }
d-policy-approvers = un pago requiere 1 o 2 aprobadores
d-policy-expiry = una aprobación espera de 1 a 720 horas (30 días)

## Un pago buscado en el diario
d-no-cashout-in-journal = no hay ningún retiro { $id } en el diario de este entorno
d-no-external-id-in-journal = no hay ningún pago con el external_id { $external_id } en el diario de este entorno
d-payout-not-in-journal = este pago no está en el diario de este entorno
# $first, $second: los números de registro del diario.
d-two-different-payouts = el diario los tiene como dos pagos distintos (registros { $first } y { $second }); verifique los ids

## Correcciones y pagar de nuevo a propósito ($earlier: el external_id del pago anterior)
d-corrects-taken = el pago { $earlier } ya está corregido por el pago { $holder }; abra ese
d-corrects-same-id = un pago corregido es un pago nuevo y necesita su propio external_id, no el de { $earlier }
d-no-payout-with-external-id = ningún pago de este entorno tiene el external_id { $external_id }
d-corrects-foreign-id = el pago { $earlier } fue rechazado porque el proveedor ya tiene su external_id: ese pago puede pagarse; verifíquelo antes de pagar de nuevo
# $code: el código de rechazo del proveedor.
d-corrects-may-pass = el pago { $earlier } fue declinado con el código { $code }, que puede pasar si se envía de nuevo: en su lugar, reenvíelo con su propio external_id
d-corrects-found-by-lookup = el pago { $earlier } se encontró mediante una consulta: el diario no tiene lo que se envió
# $status: el estado o la fase del pago como lo nombra el diario (PENDING, sent_not_found, …).
d-corrects-may-still-pay = el pago { $earlier } está en { $status }: solo un pago REJECTED o declinado se corrige con uno nuevo (uno que todavía puede pagarse nunca se reemplaza)
# $external_id: el que el operador escribió para este pago.
d-pay-again-typed-id = pagar de nuevo a propósito es para un pago cuyo external_id genera el escritorio; este tiene el suyo propio ({ $external_id }), así que ninguna verificación de duplicados lo impide
d-pay-again-not-same = el pago { $earlier } no paga el mismo monto a la misma cuenta; no se puede pagar de nuevo como este
# $holder: el external_id del pago que lo corrige.
d-corrected-never-resent = el pago { $external_id } fue corregido por el pago { $holder }: nunca se vuelve a enviar (ambos podrían pagarse)

## Lo que se sabe de una creación cuyo resultado está abierto ($detail: el error, tal como se expresó)
# $holder: quién lo está enviando (el operador de un escritorio); $until: un instante.
d-create-held-elsewhere = { $holder } lo está enviando en este momento (reservado hasta { $until }); no se envió nada desde aquí. Su resultado aparece aquí cuando ese escritorio lo tenga; si ese escritorio se detiene, el pago se consulta por su external_id, nunca se envía a ciegas
d-create-journal-failed-after-send = puede que la creación se haya recibido, pero el diario falló: { $detail }
d-create-lookup-before-resend-failed = no se pudo consultar el pago antes de enviarlo de nuevo ({ $detail }); no se envió nada
d-create-accepted-not-recorded = el proveedor lo aceptó como el retiro { $cashout_id }, pero el diario no pudo registrarlo ({ $detail })
d-lookup-failed-retry = no se pudo consultar el pago ({ $detail }); se vuelve a intentar
d-not-created-here = este pago no se creó en este escritorio, así que no hay nada que reenviar
d-abandon-reason-required = indique por qué abandona el pago; el motivo queda en el registro de auditoría
# $phase: la fase del pago como la nombra el diario (created, declined, not_sent, …).
d-abandon-not-open = este pago está en { $phase }, no es una creación abierta; no hay nada que abandonar
d-abandon-gone = este pago ya no existe, no es una creación abierta; no hay nada que abandonar

## Retener, liberar y cancelar
# --external-id es la opción de la CLI, tal cual.
d-cancel-needs-external-id = el retiro { $id } no está en el diario con un external_id; indique --external-id para cancelarlo
# Una acción cuya respuesta se perdió. $lost: por qué, como lo dijo la conexión; $detail: el error de la consulta.
d-action-lost-lookup-failed = su respuesta se perdió ({ $lost }) y no se pudo consultar el estado ({ $detail }); verifique el pago antes de volver a actuar
d-action-lost-lookup-refused = su respuesta se perdió ({ $lost }), y la consulta: { $detail }
# $status: el nombre del estado del proveedor (PENDING, ON_HOLD, …).
d-action-lost-other-status = su respuesta se perdió ({ $lost }); el proveedor informa ahora { $status }, así que puede que no se haya aplicado o que el proveedor aún no esté al día; verifique de nuevo antes de actuar

## Beneficiarios guardados
d-save-found-by-lookup = este pago se encontró mediante una consulta: el diario no tiene lo que se envió
d-save-refused-details = el proveedor rechazó los datos de este pago; guarde en su lugar el beneficiario del pago corregido
# $label: la etiqueta tal como se escribió, entre comillas dobles.
d-no-saved-beneficiary = no hay ningún beneficiario guardado con la etiqueta { $label }
d-label-one-line = una etiqueta es una sola línea de texto
d-label-required = asigne una etiqueta al beneficiario (p. ej. "Ana — alquiler")
# $max: la cantidad máxima de caracteres, en dígitos.
d-label-too-long = una etiqueta tiene como máximo { $max } caracteres

## El espacio de trabajo: diarios, credenciales, bancos, prueba de conexión
# $problem: por qué el diario del equipo no está conectado (d-team-journal-not-opened).
d-team-journal-not-connected = { $problem }. Vuelva a conectarlo en Configuración → Diario, o cambie allí este escritorio a su diario local, antes de pagar o verificar nada
d-team-journal-not-opened = no se pudo abrir el diario del equipo elegido para este escritorio ({ $detail }); no se puede pagar ni verificar nada hasta que se conecte
# $user: el usuario de la base de datos; $host: el servidor.
d-team-no-password = no hay ninguna contraseña guardada para { $user } en { $host }; ingrésela
d-no-local-journal-to-return = este escritorio no tiene un diario local al cual volver
d-no-local-journal-to-copy = este escritorio no tiene un diario local del cual copiar
d-copy-needs-team-journal = este escritorio usa su diario local; cambie primero al diario del equipo
d-sandbox-credentials-fixed = el sandbox usa credenciales de demostración fijas; no hay nada que guardar
d-bank-list-unavailable = no se pudo obtener la lista de bancos del proveedor ({ $detail })
# $note: por qué no se muestra la lista del proveedor.
d-bank-list-bundled = Se muestra la lista de bancos incluida en Cashout Desk: { $note }.
d-connection-accepted = Conectado: se aceptan las credenciales y la firma.
d-connection-ok = Conectado.
# API Key, API Passphrase, API Signature, Merchant Panel, Settings → API Access: los nombres del proveedor.
d-connection-401 = La API Key o la API Passphrase no son correctas para este entorno.
d-connection-302 = Se rechazó la firma: la API Signature guardada para este entorno no es correcta.
d-connection-402 = La dirección IP de esta computadora no está en la lista de IP permitidas para retiros: agréguela en el Merchant Panel (Settings → API Access).
d-connection-unreachable = No se pudo contactar al proveedor: { $detail }

## Actualizaciones
d-update-url-not-a-url = la URL de actualización no es una URL ({ $detail }): indique la dirección completa del manifiesto de actualización, p. ej. https://updates.example.com/cashout-desk/latest.json
# $scheme: el esquema que se escribió en su lugar (ftp, http, …).
d-update-url-not-https = la URL de actualización debe usar https (http sin cifrar solo en esta computadora, 127.0.0.1), no { $scheme }: una actualización desde un servidor sin protección podría reemplazarse en el camino
d-update-url-credentials = la URL de actualización no debe llevar un nombre de usuario ni una contraseña: la configuración no es lugar para secretos
d-update-url-no-host = la URL de actualización no tiene host
d-update-url-query = la URL de actualización no debe llevar una consulta ni un fragmento (un token en ella sería un secreto en la configuración, en el registro de auditoría y en cada error): indique la dirección simple del manifiesto
d-update-package-not-https = el manifiesto de actualización apunta a un paquete que no está en https ({ $url }): no se descargó
# Por qué no se instala ahora una actualización: lo que este escritorio está enviando (d-update-sending-payouts,
# d-update-sending-batches, o ambos unidos por d-update-sending-both), luego d-update-blocked.
d-update-sending-payouts = { $count ->
    [one] se está enviando un pago
   *[other] se están enviando { $count } pagos
  }
d-update-sending-batches = { $count ->
    [one] se está enviando un lote
   *[other] se están enviando { $count } lotes
  }
d-update-sending-both = { $payouts } y { $batches }
# "Instalar al cerrar" es el nombre del botón en Configuración → Acerca de.
d-update-blocked = { $what } desde este escritorio: elija Instalar al cerrar, o instale ahora cuando termine el envío
d-update-offer-title = La versión { $version } está disponible
d-update-offer-body = En uso: { $current }. Se instala desde Configuración → Acerca de, ahora o al cerrar la aplicación.

## El seguimiento de estados
d-watch-late-window-range = los rechazos tardíos se vigilan entre 1 y 90 días
d-watch-hold-alert-range = la antigüedad para alertar sobre una retención es de 1 a 720 horas
d-watch-rate-range = el límite de frecuencia es de 1 a 50 solicitudes por segundo
# $detail: el error del diario, en palabras del escritorio.
d-watch-journal-failed = no se pudo leer ni escribir el diario: { $detail }

## El perfil de conexión del diario del equipo y sus operadores
d-team-host-required = se requiere el servidor del diario del equipo
d-team-host-invalid = un nombre de host o una dirección IP, sin espacios ni ruta
d-team-port-range = un puerto del 1 al 65535
d-team-database-required = se requiere el nombre de la base de datos
d-team-ca-missing = no hay ningún archivo en { $path }
# $detail: por qué (las palabras de la biblioteca TLS, o d-team-ca-no-certificate).
d-team-ca-not-pem = { $path } no es un archivo de certificado PEM: { $detail }
d-team-ca-no-certificate = no contiene ningún certificado
d-role-required = se requiere el usuario de la base de datos del operador
d-role-too-long = como máximo 63 caracteres
d-role-characters = solo letras minúsculas, dígitos y _, empezando por una letra (p. ej. ana_souza)
d-role-reserved = los nombres que empiezan por pg_ o cashout_ están reservados
d-operator-password-short = la contraseña de un operador tiene al menos 12 caracteres
# $name: el rol de inicio de sesión.
d-operator-is-admin = { $name } es un rol de administrador o de superusuario; un operador recibe un usuario propio
# Se pregunta antes de abandonar una creación abierta (el registro de auditoría guarda el texto en inglés).
d-abandon-risk = Abandonar hace que el escritorio deje de consultar este pago. Si el proveedor sí lo recibió, todavía puede pagarse; un pago nuevo al mismo beneficiario podría entonces pagar dos veces. Reenviarlo con el mismo external_id siempre es seguro.
# Configuración → Acerca de, cuando ni la aplicación ni la configuración indican un servidor de actualizaciones.
d-update-no-server = no hay un servidor de actualizaciones configurado: esta compilación no es una versión publicada y la Configuración no tiene una URL de actualización (el espejo de su área de TI)
# La última búsqueda de actualizaciones, en Configuración → Acerca de.
d-update-none-newer = no hay una versión más nueva
d-update-version-offered = se ofrece la versión { $version }
# $detail: las palabras del propio actualizador.
d-update-check-failed = falló: { $detail }
# La pregunta de producción antes de enviar: $amount con su código ISO, $environment como lo nombra la barra (PRODUCTION).
d-review-production-question = ¿Enviar { $amount } a { $beneficiary } en { $environment }? Esto mueve dinero real.
# $earlier: d-record-cashout o d-record-code.
d-review-id-regenerated = El external id { $old } se generó para un pago anterior ({ $earlier }), que no es este; este pago recibe el nuevo id { $new }.
# Un pago del diario en pocas palabras; $state es el nombre del estado o la fase en el diario (COMPLETED, intent).
d-record-cashout = retiro { $id }, { $state }
d-record-code = { $state }, código { $code }
# Dónde está el diario en uso, en Configuración → Diario del equipo ($path: el archivo; la base
# de datos, el host, el puerto y el usuario con sesión del equipo, como los nombra el perfil).
d-journal-place-file = el archivo del diario { $path }
d-journal-place-team = el diario del equipo { $database } en { $host }:{ $port } como { $user }
# El servidor del diario del equipo se negó ($detail: las palabras del propio servidor).
d-pg-sign-in-refused = el servidor rechazó el inicio de sesión: { $detail }
d-pg-not-allowed = el rol de este operador no tiene permiso para hacer eso: { $detail }
d-pg-no-database = no existe esa base de datos: { $detail }
d-pg-connection-lost = se perdió la conexión con el servidor: { $detail }
d-pg-cannot-connect = no se puede conectar: { $detail }
d-pg-tls = no se puede establecer TLS: { $detail }
d-pg-no-team-journal = esta base de datos todavía no tiene un diario del equipo; el administrador del equipo ejecuta `cashout team init`
# Lo que `cashout create --dry-run` no comprueba (no lee ni escribe nada).
d-dry-run-not-checked = la protección contra duplicados y las comprobaciones propias del proveedor, que se hacen al enviarlo
d-sandbox-not-copied = no se pudo copiar el estado del sandbox desde { $file }: { $detail }
# Se dice una vez tras una actualización; $old y $kept: rutas de archivo; $payouts, $entries: cantidades en dígitos.
d-journal-merged = El diario de una versión anterior ({ $old }) se fusionó con este: { $payouts } pagos, { $entries } entradas de auditoría; el archivo anterior se conserva como { $kept }.
# Un rechazo de las reglas de aprobación del diario del equipo; $detail: la frase de la propia
# base de datos (en inglés, precisa: quién, qué pago, cuándo).
d-refusal-needs-hold = Este pago necesita aprobación y debe crearse en espera ({ $detail })
d-refusal-not-allowed = Su rol no le permite hacer esto ({ $detail })
d-refusal-own-payout = Nadie aprueba lo que preparó o propuso ({ $detail })
d-refusal-voted-already = Ya votó por esto ({ $detail })
d-refusal-decided-already = Esto ya está decidido ({ $detail })
d-refusal-expired = La aprobación venció ({ $detail })
d-refusal-no-approval = No hay ninguna aprobación así ({ $detail })
d-refusal-reason-required = Un rechazo necesita un motivo ({ $detail })
d-refusal-settlement-held = Otro escritorio está liquidando este pago ({ $detail })
d-refusal-under-approval = Este pago está en aprobación ({ $detail })
d-refusal-no-team-journal = Las aprobaciones necesitan un diario del equipo ({ $detail })
