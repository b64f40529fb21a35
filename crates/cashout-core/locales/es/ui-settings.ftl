# Configuración y lo que vive en ella: idioma, entorno, seguimiento de estados, credenciales,
# diario, política de aprobación, Acerca de y actualizaciones; y la vista de aprobaciones
# (español latinoamericano, de usted).

## Configuración
settings-title = Configuración
settings-language-title = Idioma
settings-locale-label = Idioma de la aplicación
settings-locale-auto = Automático (sistema: { $system })
settings-locale-auto-unknown = Automático
settings-locale-example = Los montos se escriben así: { $example }
settings-environment-title = Entorno
settings-environment-label = Entorno en uso
settings-okp-host-label = Host de producción de OKP
settings-okp-host-hint = lo entrega OKP al dar de alta la cuenta
# Un host de ejemplo, en el campo mientras está vacío.
settings-okp-host-placeholder = api.example-from-okp.com
settings-custom-url-label = URL base personalizada
settings-https-only = solo https
# Una URL de ejemplo (el dominio .example está reservado para ejemplos).
settings-custom-url-placeholder = https://api.marca.example
settings-notification-url-label = URL de notificación predeterminada
settings-notification-url-hint = se completa en los retiros nuevos
settings-notification-url-placeholder = https://su-servidor.example/cashouts/notify
settings-watcher-title = Seguimiento de estados
settings-late-days-label = Volver a revisar pagos completados por rechazo tardío (días)
settings-late-days-hint = se vuelven a revisar los pagos COMPLETED más recientes que esto
settings-hold-hours-label = Alertar por pagos en espera de más de (horas)
settings-open-hours-label = Buscar creaciones sin confirmar durante (horas)
settings-open-hours-hint = una creación enviada pero aún no encontrada se busca sola durante este tiempo; luego un operador la reenvía o la abandona
settings-desktop-notifications = Notificaciones de escritorio
settings-update-url-label = Servidor de actualizaciones (espejo de TI)
settings-update-url-hint = vacío: el del editor; solo https
settings-update-url-placeholder = https://actualizaciones.su-empresa.example/cashout-desk/latest.json
settings-save = Guardar configuración
settings-test-connection = Probar conexión
settings-testing = Probando…
# $environment: el nombre del entorno como lo rotula el núcleo.
settings-saved = Configuración guardada. Entorno: { $environment }.

## Credenciales (API Key, API Passphrase y API Signature son los nombres del proveedor)
settings-credentials-title = Credenciales
settings-credentials-intro = Solo escritura: se guardan en el llavero del sistema y no se vuelven a mostrar. El entorno sandbox usa credenciales de demostración fijas.
settings-cred-environment-label = Entorno
settings-cred-api-key = API Key
settings-cred-passphrase = API Passphrase
settings-cred-signature = API Signature
settings-cred-read-only = Clave de solo lectura (listas de bancos, opcional)
settings-cred-save = Guardar en el llavero
settings-cred-remove = Quitar
settings-cred-stored = Guardadas en el llavero del sistema (API Key …{ $last4 }).
settings-cred-stored-read-only = Guardadas en el llavero del sistema (API Key …{ $last4 }, también la clave de solo lectura).
settings-cred-none = No hay credenciales guardadas para este entorno.
settings-cred-saved = Guardadas en el llavero del sistema.
settings-cred-removed = Quitadas del llavero del sistema.

## Acerca de
settings-about-title = Acerca de
settings-about-version = Versión
settings-about-commit = Commit
settings-about-built = Compilación

## Actualizaciones (en Acerca de). La línea de estado une sus partes con " · ".
updates-from = Actualizaciones desde { $endpoint }
updates-no-server = Sin servidor de actualizaciones: es una compilación de desarrollo (para usar uno, configure arriba el espejo de su TI)
# $result: las palabras del núcleo sobre lo que encontró la última consulta.
updates-last-checked = última consulta { $at }: { $result }
updates-on-quit = la versión { $version } se instala al cerrar la aplicación
updates-check = Buscar actualizaciones
updates-checking = Buscando…
updates-newest = Esta es la versión más reciente.
updates-offer = La versión { $version } está disponible (en uso: { $current }).
updates-install-now = Instalar ahora y reiniciar
updates-install-on-quit = Instalar al cerrar
updates-installing-now = Descargando, verificando e instalando…
updates-installing-on-quit = Descargando y verificando para instalar al cerrar…

## Diario (el archivo local o el diario PostgreSQL del equipo)
team-title = Diario
team-intro = Un operador guarda los pagos en el diario local. Un equipo comparte un diario PostgreSQL: todos ven los mismos pagos y nada se envía dos veces desde dos puestos. Inicie sesión con su propio usuario de la base de datos.
# $place: la descripción del diario que da el núcleo.
team-using-team = Se usa { $place } (sesión iniciada por la base de datos).
team-using-local = Se usa el diario local: { $place } (solo en esta computadora).
team-host-label = Servidor
team-host-placeholder = db.example.com
team-port-label = Puerto
team-database-label = Base de datos
team-user-label = Su usuario
team-user-placeholder = su propio usuario de la base de datos
team-ca-file-label = Archivo del certificado de la CA
team-ca-file-placeholder = /ruta/a/team-ca.pem (si el sistema no confía en el servidor)
team-ca-file-hint = opcional; fuera de esta computadora la conexión siempre va cifrada y verificada
team-password-label = Contraseña
team-password-hint = solo escritura: se guarda en el llavero del sistema
team-password-stored = guardada en el llavero del sistema
team-use = Usar el diario del equipo
team-test = Probar
team-use-local = Usar el diario local
team-copy-local = Copiar aquí los pagos locales de este puesto
team-connecting = Conectando…
team-test-ok = Conectado: { $place }. No se cambió ni se guardó nada.
team-switched = Este puesto ahora usa el diario del equipo, con sesión iniciada como { $who }.
team-local = Este puesto ahora usa su diario local.
team-copying = Copiando…
team-copied = Copia hecha: se agregaron { $added } de { $payouts ->
    [one] { $payouts } pago
   *[other] { $payouts } pagos
  } al diario del equipo; { $already ->
    [one] { $already } ya estaba
   *[other] { $already } ya estaban
  }.
team-copied-differing = Copia hecha: se agregaron { $added } de { $payouts ->
    [one] { $payouts } pago
   *[other] { $payouts } pagos
  } al diario del equipo; { $already ->
    [one] { $already } ya estaba
   *[other] { $already } ya estaban
  } ({ $differing ->
    [one] { $differing } registrado de otra forma
   *[other] { $differing } registrados de otra forma
  }: se anotó en cada uno y se conserva como lo tiene el equipo).
team-copied-refused = { $refused ->
    [one] La política de aprobación del equipo rechazó { $refused } pago abierto (no estaba en espera): queda en el diario local; resuélvalo allí.
   *[other] La política de aprobación del equipo rechazó { $refused } pagos abiertos (no estaban en espera): quedan en el diario local; resuélvalos allí.
  }

## Política de aprobación (diario del equipo)
policy-title = Política de aprobación
policy-intro = En un diario del equipo, los pagos desde un umbral se envían en espera y se liberan cuando otros operadores los aprueban.
policy-empty = Ningún pago requiere aprobación en este entorno.
policy-col-currency = Moneda
policy-col-threshold = Requiere aprobación desde
policy-col-approvers = Aprobadores
policy-col-expires = Vence tras
policy-col-proposed-by = Propuesta por
policy-col-approved-by = Aprobada por
policy-hours = { $hours } h
policy-admins-propose = Los administradores del equipo proponen los cambios, que se aplican cuando un segundo operador los aprueba.
policy-changes-caption = Cambios, los más recientes primero
policy-change-none = { $currency }: sin aprobación
policy-change-threshold = { $currency } desde { $threshold }: { $approvers ->
    [one] { $approvers } aprobador
   *[other] { $approvers } aprobadores
  }, plazo de { $hours } h
# $state: proposed, applied o rejected (un cambio de la política).
policy-change-state = { $state ->
    [proposed] propuesto
    [applied] aplicado
    [rejected] rechazado
   *[other] { $state }
  }
policy-change-proposed-by = propuesto por { $who } el { $at }
policy-change-decided-by = { $state ->
    [applied] aplicado por { $who }
    [rejected] rechazado por { $who }
   *[other] { $state } por { $who }
  }
policy-approve = Aprobar
policy-reject = Rechazar
policy-reason-label = Por qué se rechaza el cambio { $id }
policy-reason-placeholder = motivo, para rechazar
policy-applied = Cambio { $id } aplicado.
policy-rejected = Cambio { $id } rechazado.
policy-threshold-placeholder = 1000.00 (vacío: sin aprobación)
policy-approvers-count = { $count ->
    [one] { $count } aprobador
   *[other] { $count } aprobadores
  }
policy-hours-label = Vence tras (horas)
policy-propose = Proponer cambio
policy-proposed = Propuesto como cambio { $id }: se aplica cuando otro operador lo apruebe.

## Aprobaciones (creador–aprobador en el diario del equipo)
approvals-title = Aprobaciones
approvals-tabs-label = Qué aprobaciones
approvals-tab-waiting-for-me = Esperan mi aprobación ({ $count })
approvals-tab-waiting-for-others = Esperan a otros
approvals-tab-decided = Decididas
approvals-signed-in-approver = Sesión iniciada como { $login } (aprobador)
approvals-signed-in-not-approver = Sesión iniciada como { $login } (no es aprobador: puede preparar pagos; otros los aprueban)
approvals-none-for-me = Nada espera su aprobación.
approvals-none = Ninguna.
approvals-col-state = Estado
approvals-col-prepared-by = Preparado por
approvals-col-expires = Vence
approvals-col-approvals = Aprobaciones
approvals-review = Revisar
approvals-review-label = Revisar el pago { $id }
approvals-badge-label = { $count ->
    [one] { $count } espera su aprobación
   *[other] { $count } esperan su aprobación
  }
## En qué estado está una aprobación.
approvals-state-waiting = esperando
approvals-state-approved = aprobada
approvals-state-rejected = rechazada
approvals-state-expired = vencida
approvals-state-released = liberada
approvals-state-cancelled = cancelada
approvals-state-closed = cerrada
## La aprobación de un pago
approvals-review-title = { $amount } a { $beneficiary }
approvals-fact-status = Estado
approvals-fact-approval = Aprobación
approvals-request-title = La solicitud tal como se envió
approvals-request-none = (no se envió desde un puesto)
approvals-history-title = Historial
approvals-reason-label = Motivo (obligatorio para rechazar; queda en el registro de auditoría)
approvals-approve = Aprobar
approvals-reject = Rechazar
approvals-open-payout = Abrir el pago
# $decision: approve o reject.
approvals-vote = { $at } — { $decision ->
    [approve] { $who } aprobó
   *[reject] { $who } rechazó
  }
approvals-vote-reason = { $at } — { $decision ->
    [approve] { $who } aprobó: { $reason }
   *[reject] { $who } rechazó: { $reason }
  }
# $state: una palabra approvals-state-…; $progress: las palabras del núcleo; $status: un estado del pago.
approvals-done = Voto registrado. Aprobación: { $state }. { $progress }. Estado del pago: { $status }.
approvals-status-not-known = aún no se conoce
# $action: release o cancel; $error: las palabras del núcleo.
approvals-settle-error = { $action ->
    [release] Su voto quedó registrado ({ $state }); el proveedor aún no aceptó la liberación: { $error }. El puesto lo volverá a intentar.
   *[cancel] Su voto quedó registrado ({ $state }); el proveedor aún no aceptó la cancelación: { $error }. El puesto lo volverá a intentar.
  }
